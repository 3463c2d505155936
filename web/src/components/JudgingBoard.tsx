'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import type { FormState } from '@/lib/errors';
import { formatMoney } from '@/lib/money';
import { toDateTimeLocal } from '@/lib/challenges';
import { ConfirmDialog } from './Dialog';
import { FormMessages, SubmitButton } from './forms';
import { Badge, Button, Card, DataTable, Select, TextField, type Column } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export interface RankedRow {
  rank: number;
  meanWeightedTotal: string;
  scoreCardCount: number;
  submission: { id: string; title: string; finalist?: boolean | null };
}

export interface BoardPrize {
  rank: number;
  label: string;
  quantity: number;
  awardedCount: number;
  amount: { amountMinor: string; currency: string };
}

const places = (n: number) => (n === 1 ? '1 place' : `${n} places`);
const times = (amountMinor: string, n: number) => (BigInt(amountMinor) * BigInt(Math.max(0, Math.trunc(n)))).toString();
const money = (amountMinor: string, currency: string) => {
  try {
    return formatMoney(amountMinor, currency, 'en-US');
  } catch {
    return `${amountMinor} ${currency} (minor units)`;
  }
};

/** A fresh idempotency key, once per form (made in the browser after hydration, so server and client render agree). */
function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState('');
  const renew = () => setKey(typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  useEffect(renew, []);
  return [key, renew];
}

/**
 * The board's ranking (a page of it) and, for the sponsor's owners and admins, what to do with it: tick rows to
 * choose finalists (with the final round's deadline) or to award them a prize, or award a run of ranks to a prize
 * (e.g. ranks 2 to 11 to ten honourable mentions). Each step is confirmed first, the awards with the total money.
 */
export function JudgingRanking({ challengeId, rows, prizes, canChooseFinalists, canAward, finalistsAction, awardAction, pageLabel }: {
  challengeId: string;
  rows: RankedRow[];
  prizes: BoardPrize[];
  canChooseFinalists: boolean;
  canAward: boolean;
  finalistsAction: Action;
  awardAction: Action;
  /** "Ranks 1 to 20 of 41": which part of the ranking this is. */
  pageLabel: string;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const selecting = canChooseFinalists || canAward;
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const columns: Column<RankedRow>[] = [
    ...(selecting ? [{
      key: 'select', label: 'Select', render: (r: RankedRow) => (
        <input type="checkbox" className="checkbox" checked={selected.includes(r.submission.id)} onChange={(e) => toggle(r.submission.id, e.target.checked)}
          aria-label={`Select “${r.submission.title}”`} />
      ),
    }] : []),
    { key: 'rank', label: 'Rank', numeric: true, render: (r) => r.rank },
    { key: 'title', label: 'Submission', render: (r) => <span>{r.submission.title} {r.submission.finalist && <Badge tone="info">Finalist</Badge>}</span> },
    { key: 'mean', label: 'Mean score', numeric: true, render: (r) => r.meanWeightedTotal },
    { key: 'cards', label: 'Judges who scored', numeric: true, render: (r) => r.scoreCardCount },
  ];
  const titles = rows.filter((r) => selected.includes(r.submission.id)).map((r) => r.submission.title);
  return (
    <div className="stack">
      <DataTable caption={`Ranking: ${pageLabel}`} rows={rows} rowKey={(r) => r.submission.id} columns={columns} />
      {selecting && <p className="muted" aria-live="polite">{selected.length === 0 ? 'Tick submissions to choose finalists or award them a prize.' : `${selected.length} selected: ${titles.join(', ')}.`}</p>}
      {canChooseFinalists && <FinalistsForm challengeId={challengeId} selected={selected} action={finalistsAction} />}
      {canAward && prizes.length > 0 && <AwardPrizesForm challengeId={challengeId} selected={selected} prizes={prizes} action={awardAction} />}
    </div>
  );
}

/** The final round: the ticked submissions become finalists; only they resubmit until the round's deadline. */
function FinalistsForm({ challengeId, selected, action }: { challengeId: string; selected: string[]; action: Action }) {
  const [state, formAction] = useActionState(action, {});
  const [deadline, setDeadline] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<Record<string, string>>({});
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Default: two weeks from now, in the reader's time zone (set after hydration).
    setDeadline(toDateTimeLocal(new Date(Date.now() + 14 * 864e5).toISOString()));
  }, []);
  useEffect(() => {
    if (state.formError || state.fieldErrors) setConfirming(false);
  }, [state]);
  const iso = deadline && !Number.isNaN(new Date(deadline).getTime()) ? new Date(deadline).toISOString() : '';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (confirming) return;
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (selected.length === 0) errors.finalistSubmissionIds = 'Tick the finalists in the ranking first';
    else if (selected.length > 50) errors.finalistSubmissionIds = 'At most 50 finalists';
    if (!iso) errors.finalRoundDeadline = 'Choose the final round’s deadline';
    else if (new Date(iso).getTime() <= Date.now()) errors.finalRoundDeadline = 'Choose a date and time in the future';
    setError(errors);
    if (Object.keys(errors).length) {
      if (errors.finalRoundDeadline) event.currentTarget.querySelector<HTMLElement>('[name="finalRoundDeadlineLocal"]')?.focus();
      return;
    }
    setConfirming(true);
  };
  const errors = { ...state.fieldErrors, ...error };
  return (
    <Card as="div">
      <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby="finalists-title">
        <h3 id="finalists-title">Final round</h3>
        <p className="muted">The ticked submissions become finalists: only their authors may resubmit, until the final round’s deadline; then you judge them again. Everyone is told by mail. This can be done once.</p>
        <input type="hidden" name="challengeId" value={challengeId} />
        {selected.map((id) => <input key={id} type="hidden" name="finalist" value={id} />)}
        <input type="hidden" name="finalRoundDeadline" value={iso} />
        {errors.finalistSubmissionIds && <p className="field-error" role="alert">{errors.finalistSubmissionIds}</p>}
        <TextField label="Final round deadline" type="datetime-local" name="finalRoundDeadlineLocal" value={deadline} onChange={(e) => setDeadline(e.target.value)}
          error={errors.finalRoundDeadline} hint="Your local time; at most 180 days ahead" disabled={confirming} />
        {!confirming && <Button ref={openerRef} type="submit" variant="secondary">Advance {selected.length || ''} to the final round</Button>}
        <ConfirmDialog open={confirming} title={`Start the final round with ${selected.length} ${selected.length === 1 ? 'finalist' : 'finalists'}?`} tone="info" onClose={() => setConfirming(false)} returnFocusTo={openerRef}>
          <p>The challenge opens again for the finalists only until the deadline; scores of the first round stay on the board for reference.</p>
          <div className="row">
            <SubmitButton pendingText="Starting…">Yes, start the final round</SubmitButton>
            <Button variant="secondary" onClick={() => setConfirming(false)}>Not now</Button>
          </div>
        </ConfirmDialog>
        <FormMessages state={state} />
      </form>
    </Card>
  );
}

/**
 * Bulk awards (awardPrizes): a run of ranks, or the ticked submissions, to one prize. The confirmation shows what is
 * awarded and the total money; the idempotency key is made once per form (a retry of the same request awards
 * nothing twice) and renewed after each success.
 */
function AwardPrizesForm({ challengeId, selected, prizes, action }: { challengeId: string; selected: string[]; prizes: BoardPrize[]; action: Action }) {
  const [state, formAction] = useActionState(action, {});
  const [key, renewKey] = useIdempotencyKey();
  const open = prizes.filter((p) => p.awardedCount < p.quantity);
  const [prizeRank, setPrizeRank] = useState(String(open[0]?.rank ?? ''));
  const prize = prizes.find((p) => String(p.rank) === prizeRank);
  const left = prize ? prize.quantity - prize.awardedCount : 0;
  const [mode, setMode] = useState<'top' | 'selection'>('top');
  const [fromRank, setFromRank] = useState('1');
  const [count, setCount] = useState(String(left || 1));
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<Record<string, string>>({});
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.ok) {
      renewKey();
      // The prize just awarded may have no place left: choose among those that do.
      const still = prizes.find((p) => String(p.rank) === prizeRank && p.awardedCount < p.quantity) ?? prizes.find((p) => p.awardedCount < p.quantity);
      if (still) setPrizeRank(String(still.rank));
    }
    if (state.ok || state.formError || state.fieldErrors) setConfirming(false);
  }, [state, prizes]);
  const n = mode === 'top' ? Number(count) : selected.length;
  const total = prize && Number.isInteger(n) && n > 0 ? money(times(prize.amount.amountMinor, n), prize.amount.currency) : '';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (confirming) return;
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!prize) errors.prizeRank = 'Choose a prize';
    if (mode === 'top') {
      if (!/^\d+$/.test(fromRank.trim()) || Number(fromRank) < 1) errors.fromRank = 'Enter a rank from 1';
      if (!/^\d+$/.test(count.trim()) || Number(count) < 1) errors.count = 'Enter how many places to award';
      else if (prize && Number(count) > left) errors.count = `This prize has ${places(left)} left`;
    } else if (selected.length === 0) errors.selection = 'Tick the submissions to award in the ranking first';
    else if (prize && selected.length > left) errors.selection = `This prize has ${places(left)} left: ${selected.length} are ticked`;
    setError(errors);
    if (Object.keys(errors).length === 0) setConfirming(true);
  };
  const errors = { ...state.fieldErrors, ...error };
  const what = mode === 'top'
    ? `ranks ${fromRank} to ${Number(fromRank) + Number(count) - 1}`
    : `the ${selected.length === 1 ? 'ticked submission' : `${selected.length} ticked submissions`}`;
  return (
    <Card as="div">
      <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby="award-prizes-title">
        <h3 id="award-prizes-title">Award prizes</h3>
        {open.length === 0 ? <p>Every prize place is awarded.</p> : (
          <>
            <input type="hidden" name="challengeId" value={challengeId} />
            <input type="hidden" name="idempotencyKey" value={key} />
            <input type="hidden" name="mode" value={mode} />
            {mode === 'selection' && selected.map((id) => <input key={id} type="hidden" name="submissionId" value={id} />)}
            <Select label="Prize" name="prizeRank" value={prizeRank} onChange={(e) => { setPrizeRank(e.target.value); const p = prizes.find((x) => String(x.rank) === e.target.value); if (p) setCount(String(Math.max(1, p.quantity - p.awardedCount))); }}
              error={errors.prizeRank} disabled={confirming}
              options={open.map((p) => ({ value: String(p.rank), label: `${p.rank}. ${p.label}: ${p.quantity > 1 ? `${p.quantity} × ` : ''}${money(p.amount.amountMinor, p.amount.currency)} (${places(p.quantity - p.awardedCount)} left)` }))} />
            <fieldset className="stack">
              <legend>Award to</legend>
              <div className="field-check">
                <input type="radio" id="award-mode-top" name="awardMode" className="checkbox" checked={mode === 'top'} onChange={() => setMode('top')} disabled={confirming} />
                <label htmlFor="award-mode-top">A run of the ranking</label>
              </div>
              <div className="field-check">
                <input type="radio" id="award-mode-selection" name="awardMode" className="checkbox" checked={mode === 'selection'} onChange={() => setMode('selection')} disabled={confirming} />
                <label htmlFor="award-mode-selection">The submissions ticked ({selected.length})</label>
              </div>
            </fieldset>
            {mode === 'top' ? (
              <div className="grid-2">
                <TextField label="From rank" name="fromRank" inputMode="numeric" value={fromRank} onChange={(e) => setFromRank(e.target.value)} error={errors.fromRank} disabled={confirming} />
                <TextField label="How many places" name="count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} error={errors.count} disabled={confirming}
                  hint={prize ? `Up to ${left}` : undefined} />
              </div>
            ) : errors.selection && <p className="field-error" role="alert">{errors.selection}</p>}
            {prize && total && <p aria-live="polite">{places(n)} × {money(prize.amount.amountMinor, prize.amount.currency)} = <strong>{total}</strong></p>}
            {!confirming && <Button ref={openerRef} type="submit" variant="secondary" disabled={!key}>Award</Button>}
            {/* Disabled fields are not sent: while confirming, what they say travels in hidden ones. */}
            {confirming && (
              <>
                <input type="hidden" name="prizeRank" value={prizeRank} />
                <input type="hidden" name="fromRank" value={fromRank} />
                <input type="hidden" name="count" value={count} />
              </>
            )}
            <ConfirmDialog open={confirming} title={`Award ${prize?.label ?? 'this prize'} to ${what}?`} onClose={() => setConfirming(false)} returnFocusTo={openerRef}>
              <p>{places(n)} × {prize ? money(prize.amount.amountMinor, prize.amount.currency) : ''}: <strong>{total}</strong> in all, moved from escrow to the winners. Awards cannot be taken back.</p>
              <div className="row">
                <SubmitButton pendingText="Awarding…" variant="danger">Yes, award {total}</SubmitButton>
                <Button variant="secondary" onClick={() => setConfirming(false)}>Choose again</Button>
              </div>
            </ConfirmDialog>
          </>
        )}
        <FormMessages state={state} />
      </form>
    </Card>
  );
}
