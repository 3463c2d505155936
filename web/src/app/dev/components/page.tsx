import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Disclosure } from '@/components/Disclosure';
import { SUBMISSION_VISIBILITIES } from '@/lib/entries';
import { Money } from '@/components/Money';
import {
  Alert, Badge, Button, ButtonLink, Card, Checkbox, CheckboxGroup, DataTable, RadioGroup, EmptyState, FigureTable, ErrorState, LoadingState, Logo, LogoMark, Select, StatusBadge, TextArea, TextField,
} from '@/components/ui';
import { FeedbackCard } from '@/components/FeedbackCard';
import { AttachmentList } from '@/components/Attachments';
import { AttachmentPickerDemo, BrandingDemo, DialogDemo, LoadingButtonDemo, RubricDemo, ToastDemo } from './GalleryDemos';
import { NotificationBell } from '@/components/NotificationBell';
import { CopyField } from '@/components/CopyField';

export const metadata: Metadata = { title: 'Component gallery', robots: { index: false } };

/** What the design system's tokens are called (globals.css), shown as swatches. */
const COLOURS = ['--color-brand', '--color-brand-2', '--color-gold', '--color-gold-text', '--color-primary', '--color-text', '--color-muted', '--color-border', '--color-bg', '--color-surface',
  '--color-success-text', '--color-warning-text', '--color-danger', '--color-info-text'];
const TYPE = ['--text-3xl', '--text-2xl', '--text-xl', '--text-lg', '--text-md', '--text-sm', '--text-xs'];
const SPACES = ['--space-1', '--space-2', '--space-3', '--space-4', '--space-5', '--space-6', '--space-7', '--space-8'];
const STATUSES = ['DRAFT', 'OPEN', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLED', 'PENDING', 'SUCCEEDED', 'FAILED', 'HELD', 'PROCESSING', 'PAID', 'REVERSED'];
const PAYOUTS = [
  { id: 'p1', challenge: 'Low-cost desalination membranes for coastal villages', prize: 'First prize', amount: { amountMinor: '500000', currency: 'USD' }, status: 'PAID' },
  { id: 'p2', challenge: 'Cold-chain sensors', prize: 'Honourable mention', amount: { amountMinor: '25000', currency: 'EUR' }, status: 'HELD' },
];

/** The design system with examples, for people building pages. Development only: a 404 in production. */
export default function ComponentGallery() {
  if (process.env.NODE_ENV === 'production') notFound();
  return (
    <div className="stack gallery">
      <h1>Component gallery</h1>
      <p className="muted">Tokens live in <code>web/src/app/globals.css</code>, components in <code>web/src/components/ui.tsx</code> (and Dialog, Disclosure, Toast, forms). Every page uses them.</p>

      <section aria-labelledby="g-identity">
        <h2 id="g-identity">Identity</h2>
        <div className="row">
          <Logo /> <LogoMark size={48} />
        </div>
        <p>A shield (money held safe) around rising bars (prizes), in ink navy and gold; a serif for display headings and amounts.</p>
      </section>

      <section aria-labelledby="g-colour">
        <h2 id="g-colour">Colour</h2>
        <ul className="swatches">
          {COLOURS.map((c) => (
            <li key={c} className="swatch"><span style={{ background: `var(${c})` }} /><code>{c}</code></li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="g-type">
        <h2 id="g-type">Type scale</h2>
        {TYPE.map((t) => <p key={t} style={{ fontSize: `var(${t})`, margin: 0 }}>{t}: Prize money, held in escrow</p>)}
        <p className="amount" style={{ fontSize: 'var(--text-2xl)' }}><Money amountMinor="1250000" currency="USD" /></p>
      </section>

      <section aria-labelledby="g-space">
        <h2 id="g-space">Spacing, radii, shadows</h2>
        {SPACES.map((s) => <div key={s} className="row"><code>{s}</code><span style={{ display: 'inline-block', height: '0.75rem', width: `var(${s})`, background: 'var(--color-primary)' }} /></div>)}
        <div className="row">
          <Card><p>--radius, --shadow</p></Card>
          <div className="card" style={{ borderRadius: 'var(--radius-lg)', boxShadow: 'var(--shadow-lg)' }}><p>--radius-lg, --shadow-lg</p></div>
        </div>
      </section>

      <section aria-labelledby="g-buttons">
        <h2 id="g-buttons">Buttons</h2>
        <div className="row">
          <Button>Primary</Button>
          <Button variant="secondary">Secondary</Button>
          <Button variant="danger">Danger</Button>
          <Button variant="danger-outline">Danger outline</Button>
          <Button variant="ghost">Ghost</Button>
          <Button disabled>Disabled</Button>
          <Button loading loadingText="Saving…">Save</Button>
          <LoadingButtonDemo />
          <ButtonLink href="/challenges" variant="secondary">A link styled as a button</ButtonLink>
        </div>
      </section>

      <section aria-labelledby="g-fields">
        <h2 id="g-fields">Fields (inline errors, never browser bubbles)</h2>
        <form noValidate className="stack narrow" aria-label="Example form">
          <TextField label="Title" name="title" hint="What solvers will see first" />
          <TextField label="Summary" name="summary" error="Enter the summary." defaultValue="" />
          <Select label="Currency" name="currency" options={[{ value: 'USD', label: 'US dollar (USD)' }, { value: 'EUR', label: 'Euro (EUR)' }]} />
          <TextArea label="Description" name="description" rows={3} hint="Markdown is not rendered" />
          <Checkbox label="I accept the terms of this challenge" name="terms" error="Tick the box to accept the terms of this challenge before submitting" />
          <RadioGroup legend="Who sees the entries" name="submissionVisibility" defaultValue="SEALED" options={SUBMISSION_VISIBILITIES} hint="Fixed once the challenge is published." />
          <CheckboxGroup legend="What the key may do" name="scopes" defaultValue={['CHALLENGES_READ']} hint="Several choices, each a line in words."
            options={[{ value: 'CHALLENGES_READ', label: 'Read challenges', hint: 'The organization’s challenges and its details.' }, { value: 'AWARDS_WRITE', label: 'Award prizes' }]} />
          <CopyField label="Secret of “CI deploys”" value="igk_00000000-0000-0000-0000-000000000000_not-a-real-secret" hint="A value shown once: read-only, with its Copy button and a “Copied” status." />
        </form>
      </section>

      <section aria-labelledby="g-badges">
        <h2 id="g-badges">Badges</h2>
        <div className="row">
          {STATUSES.map((s) => <StatusBadge key={s} status={s} />)}
          <Badge tone="success">Shortlisted</Badge>
        </div>
      </section>

      <section aria-labelledby="g-alerts">
        <h2 id="g-alerts">Alerts, states</h2>
        <Alert tone="success" title="Challenge published.">Solvers can now submit.</Alert>
        <Alert tone="warning">Your payout account needs more information.</Alert>
        <Alert tone="info">The prize pool is in escrow.</Alert>
        <ErrorState title="This page could not be loaded.">Ideagora may be unreachable right now.</ErrorState>
        <EmptyState title="No challenges match"><p>Try fewer words or clear the filters.</p></EmptyState>
        <LoadingState label="Loading challenges…" />
      </section>

      <section aria-labelledby="g-table">
        <h2 id="g-table">Table (a list under 640 px)</h2>
        <DataTable caption="Payouts" rows={PAYOUTS} rowKey={(p) => p.id} columns={[
          { key: 'challenge', label: 'Challenge', render: (p) => p.challenge },
          { key: 'prize', label: 'Prize', render: (p) => p.prize },
          { key: 'amount', label: 'Amount', numeric: true, render: (p) => <Money {...p.amount} /> },
          { key: 'status', label: 'Status', render: (p) => <StatusBadge status={p.status} /> },
        ]} />
      </section>

      <section aria-labelledby="g-figures">
        <h2 id="g-figures">Figures (a quote, an escrow summary, a receipt)</h2>
        <p className="muted">Two columns that fit a phone as they are: labels wrap, amounts never break. Used for money that adds up.</p>
        <FigureTable caption="What you pay" rows={[
          { label: 'Prize pool (held in escrow for the winners)', value: <Money amountMinor="500000" currency="USD" /> },
          { label: 'Platform fee', value: <Money amountMinor="50000" currency="USD" /> },
          { label: 'Total to pay', value: <Money amountMinor="550000" currency="USD" />, emphasis: 'total' },
        ]} />
      </section>

      <section aria-labelledby="g-dialog">
        <h2 id="g-dialog">Confirmation dialog and toast</h2>
        <DialogDemo />
        <ToastDemo />
      </section>

      <section aria-labelledby="g-judging" className="stack">
        <h2 id="g-judging">Judging (rubric editor, feedback to an author)</h2>
        <RubricDemo />
        <FeedbackCard submissionId="demo" title="Ceramic filter" feedback={{
          rank: 3, outOf: 41, meanWeightedTotal: '7.25',
          criteria: [{ criterionKey: 'cost', label: 'Cost', meanValue: '7.5' }, { criterionKey: 'impact', label: 'Impact', meanValue: '6.88' }],
          comments: ['Clever use of local clay.', 'The copper mesh may be hard to source.'],
        }} />
      </section>

      <section aria-labelledby="g-files" className="stack">
        <h2 id="g-files">Files (a solution’s attachments)</h2>
        <p className="muted">The picker checks each file in the page (kind, 25 MB, 10 files), then uploads it with a progress bar; the gallery uploads nothing. The list shows previews of images and a link per file.</p>
        <AttachmentPickerDemo />
        <AttachmentList label="Files of “Ceramic filter”" attachments={[
          { id: 'g1', fileName: 'filter-front.png', contentType: 'image/png', byteSize: 1_258_291, downloadUrl: '#g-files', previewUrl: `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300"><rect width="480" height="300" fill="#e4ecfa"/><circle cx="240" cy="150" r="90" fill="#1a4f9c"/></svg>')}` },
          { id: 'g2', fileName: 'specification.pdf', contentType: 'application/pdf', byteSize: 358_400, downloadUrl: '#g-files' },
          { id: 'g3', fileName: 'housing.step', contentType: 'model/step', byteSize: 2_411_724, downloadUrl: '#g-files' },
        ]} />
      </section>

      <section aria-labelledby="g-communities" className="stack">
        <h2 id="g-communities">Communities (brand colour, skills, notifications)</h2>
        <BrandingDemo />
        <ul className="tags" aria-label="Skills (a public profile’s tags)"><li className="tag">Python</li><li className="tag">Membranes</li><li className="tag">CAD</li></ul>
        <div className="row"><span className="site-header"><NotificationBell unread={3} /></span></div>
        <ol className="notification-list" aria-label="Notifications (demo)">
          <li className="notification notification-unread"><div className="notification-title"><Badge tone="info">Unread</Badge> <button type="button" className="btn-link">The sponsor answered your question</button></div><p>On “Cheap membranes”.</p></li>
          <li className="notification"><div className="notification-title"><button type="button" className="btn-link">Results published</button></div><p>“Cheap membranes” has its winners.</p></li>
        </ol>
      </section>

      <section aria-labelledby="g-disclosure">
        <h2 id="g-disclosure">Disclosure (folded under 720 px)</h2>
        <Disclosure label="Filters" icon="filters" className="filters-disclosure">
          <Card><p>The browse filters fold behind this button on a phone; the header’s links fold behind “Menu”.</p></Card>
        </Disclosure>
      </section>
    </div>
  );
}
