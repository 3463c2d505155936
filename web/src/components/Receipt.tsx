'use client';

import type { ReactNode } from 'react';
import { Button } from './ui';

/** Prints the page (the print style sheet keeps only the receipt). */
export function PrintButton() {
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}

/** A receipt: a document of its own, whose figure tables read the same on screen, on paper and to a screen reader. */
export function ReceiptDocument({ title, number, children }: { title: string; number: string; children: ReactNode }) {
  return (
    <article className="receipt stack" aria-labelledby="receipt-title">
      <header className="receipt-head">
        <p className="receipt-brand">Ideagora</p>
        <h1 id="receipt-title">{title}</h1>
        <p className="muted">Receipt number <span className="receipt-ref">{number}</span></p>
      </header>
      {children}
      <PrintButton />
    </article>
  );
}
