'use client';

import { useRef, useState } from 'react';
import { AttachmentPicker } from '@/components/AttachmentsPicker';
import { BrandColorField } from '@/components/BrandingForm';
import { SkillsEditor } from '@/components/ProfileForms';
import { ConfirmDialog } from '@/components/Dialog';
import { RubricEditor } from '@/components/JudgingForms';
import { Toast } from '@/components/Toast';
import type { CriterionDraft } from '@/lib/judging';
import { Button } from '@/components/ui';

/** The interactive parts of the gallery: the confirmation and the toast. */
export function DialogDemo() {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <div className="stack">
      {!open && <Button ref={opener} variant="danger-outline" onClick={() => setOpen(true)}>Award First prize</Button>}
      <ConfirmDialog open={open} title="Award First prize to “Ceramic filter”?" onClose={() => setOpen(false)} returnFocusTo={opener}>
        <p>An award cannot be taken back: the prize moves from escrow to the winner.</p>
        <div className="row">
          <Button variant="danger" onClick={() => { setOpen(false); setDone('Awarded (demo).'); }}>Yes, award</Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>Choose again</Button>
        </div>
      </ConfirmDialog>
      <Toast message={done} onDismiss={() => setDone(undefined)} />
    </div>
  );
}

export function ToastDemo() {
  const [message, setMessage] = useState<string>();
  return (
    <>
      <Button variant="secondary" onClick={() => setMessage(`Profile saved at ${new Date().toLocaleTimeString()}.`)}>Show a toast</Button>
      <Toast message={message} onDismiss={() => setMessage(undefined)} />
    </>
  );
}

export function LoadingButtonDemo() {
  const [loading, setLoading] = useState(false);
  return (
    <Button loading={loading} loadingText="Publishing…" onClick={() => { setLoading(true); setTimeout(() => setLoading(false), 2000); }}>
      Publish challenge
    </Button>
  );
}

/** The rubric editor (wizard, edit page): criteria with weights, and the live "weights add up to 100 %" check. */
export function RubricDemo() {
  const [criteria, setCriteria] = useState<CriterionDraft[]>([
    { key: 'cost', label: 'Cost', description: 'Cheaper to build and run.', weight: '60' },
    { key: 'impact', label: 'Impact', description: '', weight: '30' },
  ]);
  return <RubricEditor criteria={criteria} onChange={setCriteria} />;
}

/** The file picker, uploading nothing: every file that passes the page's checks fails at the server step. */
export function AttachmentPickerDemo() {
  return (
    <AttachmentPicker label="Files (optional)" createUpload={async ({ fileName }) => ({ ok: false, message: `${fileName}: the gallery uploads nothing.` })} />
  );
}

/** The brand colour's live contrast check and the skills editor (tags added with Enter, removed by their button). */
export function BrandingDemo() {
  const [color, setColor] = useState('#1a4f9c');
  return (
    <div className="grid-2">
      <BrandColorField value={color} onChange={setColor} />
      <SkillsEditor initial={['Python', 'CAD']} />
    </div>
  );
}
