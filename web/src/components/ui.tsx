import type { ChangeEvent, ComponentProps, InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useId } from 'react';
import Link from 'next/link';

const cx = (...names: (string | false | undefined | null)[]) => names.filter(Boolean).join(' ');

export type Variant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'ghost';

/** `loading`: disabled, with a spinner and `loadingText` (what is happening) in place of the label. */
export function Button({ variant = 'primary', className, type = 'button', loading, loadingText, children, disabled, ...props }: ComponentProps<'button'> & {
  variant?: Variant; loading?: boolean; loadingText?: string;
}) {
  return (
    <button type={type} className={cx('btn', `btn-${variant}`, className)} disabled={disabled || loading} aria-disabled={loading || undefined} {...props}>
      {loading ? (
        <>
          <Spinner label={loadingText ?? 'Working'} /> {loadingText ?? 'Working…'}
        </>
      ) : (
        children
      )}
    </button>
  );
}

export function ButtonLink({ href, variant = 'primary', children }: { href: string; variant?: Variant; children: ReactNode }) {
  return (
    <Link href={href} className={cx('btn', `btn-${variant}`)}>
      {children}
    </Link>
  );
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
}

/** `check`: the label follows the control on its line (checkboxes). */
function FieldShell({ id, label, error, hint, check, children }: FieldProps & { id: string; check?: boolean; children: ReactNode }) {
  const labelElement = <label htmlFor={id}>{label}</label>;
  return (
    <div className={cx('field', error && 'field-invalid')}>
      {check ? (
        <div className="field-check">
          {children}
          {labelElement}
        </div>
      ) : (
        <>
          {labelElement}
          {children}
        </>
      )}
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({ label, error, hint, id, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <input id={fieldId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, error, hint)} {...props} />
    </FieldShell>
  );
}

export function TextArea({ label, error, hint, id, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <textarea id={fieldId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, error, hint)} {...props} />
    </FieldShell>
  );
}

export function Checkbox({ label, error, hint, id, ...props }: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint} check>
      <input id={fieldId} type="checkbox" className="checkbox" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, error, hint)} {...props} />
    </FieldShell>
  );
}

interface ChoiceOption<Value extends string> {
  value: Value;
  label: string;
  hint?: string;
}

/**
 * The fieldset of RadioGroup and CheckboxGroup: named by its legend; the error (after a refusal), else the hint, is the
 * group's description; each option's hint describes its own input.
 */
function ChoiceFieldset<Value extends string>({ type, legend, name, options, checked, onChange, error, hint, disabled }: {
  type: 'radio' | 'checkbox';
  legend: string;
  name: string;
  options: ChoiceOption<Value>[];
  checked: (value: Value) => { checked: boolean } | { defaultChecked: boolean };
  onChange?: (value: Value, checked: boolean) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  const groupId = useId();
  return (
    <fieldset className={cx('radio-group', error && 'field-invalid')} aria-describedby={describedBy(groupId, error, hint)} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint && !error && <p className="field-hint" id={`${groupId}-hint`}>{hint}</p>}
      {options.map((option, i) => {
        const optionId = `${groupId}-${i}`;
        return (
          <div key={option.value} className="radio-option">
            <div className="field-check">
              <input type={type} id={optionId} name={name} value={option.value} className="checkbox" disabled={disabled}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                {...checked(option.value)}
                {...(onChange ? { onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(option.value, e.currentTarget.checked) } : {})} />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
            {option.hint && <p className="field-hint" id={`${optionId}-hint`}>{option.hint}</p>}
          </div>
        );
      })}
      {error && <p className="field-error" id={`${groupId}-error`}>{error}</p>}
    </fieldset>
  );
}

/**
 * One choice among a few, each said in words with an optional hint: a fieldset whose legend names the question. The
 * error (after a refusal) is the group's description; each option's hint describes its own radio.
 */
export function RadioGroup<Value extends string>({ value, defaultValue, onChange, ...group }: {
  legend: string;
  name: string;
  options: ChoiceOption<Value>[];
  /** Controlled (with onChange), else `defaultValue`. */
  value?: Value;
  defaultValue?: Value;
  onChange?: (value: Value) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <ChoiceFieldset type="radio" {...group}
      checked={(option) => (value !== undefined ? { checked: value === option } : { defaultChecked: defaultValue === option })}
      onChange={onChange && ((option) => onChange(option))} />
  );
}

/**
 * Several choices among a few (what an API key may do), each a checkbox said in words with an optional hint, posted
 * under one `name`; the group is named by its legend and described by its error ("Choose at least one…") or hint.
 * Uncontrolled: `defaultValue` is what is ticked at mount (give a `key` to put back what was sent after a refusal).
 */
export function CheckboxGroup<Value extends string>({ defaultValue = [], ...group }: {
  legend: string;
  name: string;
  options: ChoiceOption<Value>[];
  defaultValue?: readonly Value[];
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  return <ChoiceFieldset type="checkbox" {...group} checked={(option) => ({ defaultChecked: defaultValue.includes(option) })} />;
}

export function Select({ label, error, hint, id, options, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <select id={fieldId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, error, hint)} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Card({ children, className, as: Tag = 'section', ...rest }: { children: ReactNode; className?: string; as?: 'section' | 'article' | 'div'; 'aria-labelledby'?: string; id?: string }) {
  return (
    <Tag className={cx('card', className)} {...rest}>
      {children}
    </Tag>
  );
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={cx('badge', `badge-${tone}`)}>{children}</span>;
}

export function Alert({ tone = 'info', title, children }: { tone?: Exclude<Tone, 'neutral'>; title?: string; children?: ReactNode }) {
  const assertive = tone === 'danger';
  return (
    <div className={cx('alert', `alert-${tone}`)} role={assertive ? 'alert' : 'status'}>
      {title && <p className="alert-title">{title}</p>}
      {children && <div>{children}</div>}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

const STATUS_TONES: Record<string, Tone> = {
  DRAFT: 'neutral', OPEN: 'success', JUDGING: 'warning', AWARDED: 'info', CLOSED: 'neutral', CANCELLING: 'warning', CANCELLED: 'danger',
  PENDING: 'warning', SUCCEEDED: 'success', FAILED: 'danger', PARTIALLY_REFUNDED: 'info', REFUNDED: 'info',
  HELD: 'warning', PROCESSING: 'info', PAID: 'success', REVERSED: 'danger',
  NOT_STARTED: 'neutral', ACTIVE: 'success', RESTRICTED: 'danger', SUBMITTED: 'info',
};

export const humanize = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

export function StatusBadge({ status, prefix }: { status: string; prefix?: string }) {
  return (
    <Badge tone={STATUS_TONES[status] ?? 'neutral'}>
      {prefix ? `${prefix}: ` : ''}
      {humanize(status)}
    </Badge>
  );
}

/** The mark: a gold-rimmed navy shield (money held safe) around rising gold bars (prizes). Reads on navy and on white. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 1.5 3.5 6.2v8.5c0 7.9 5.3 13.8 12.5 15.8 7.2-2 12.5-7.9 12.5-15.8V6.2L16 1.5Z" fill="var(--color-gold)" />
      <path d="M16 4.6 6.5 8.2v6.5c0 6.1 4 10.8 9.5 12.6 5.5-1.8 9.5-6.5 9.5-12.6V8.2L16 4.6Z" fill="var(--color-brand)" />
      <rect x="10.5" y="15" width="3" height="6.5" rx="1" fill="var(--color-gold)" />
      <rect x="14.5" y="10.5" width="3" height="11" rx="1" fill="var(--color-gold)" />
      <rect x="18.5" y="13" width="3" height="8.5" rx="1" fill="var(--color-gold)" />
    </svg>
  );
}

/** The logo: mark and word; a link home in the header. */
export function Logo() {
  return (
    <span className="logo">
      <LogoMark />
      <span className="logo-word">Ideagora</span>
    </span>
  );
}

export interface Column<Row> {
  key: string;
  /** The column header, repeated before each value when the table becomes a list on a small screen. */
  label: string;
  render: (row: Row) => ReactNode;
  /** Right-aligned on wide screens (amounts). */
  numeric?: boolean;
}

/**
 * A table on wide screens that becomes a list of cards under 640 px (each value after its column's label), so no
 * column is hidden behind a sideways scroll.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, captionHidden }: {
  caption: string; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string; captionHidden?: boolean;
}) {
  return (
    <table className="table table-stack">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.key} data-label={c.label} className={c.numeric ? 'num' : undefined}>{c.render(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One line of a FigureTable: what the figure is, and the figure (an amount, usually). */
export interface Figure {
  label: string;
  value: ReactNode;
  /** `strong`: the figure in bold; `total`: a total line (bold, with a rule above it). */
  emphasis?: 'strong' | 'total';
}

/**
 * Figures that go together (a quote, an escrow summary, a receipt's lines): a two-column table of row headers and
 * amounts. Labels wrap and amounts never break, so it fits 390 px as it is, and it reads the same printed.
 */
export function FigureTable({ caption, rows, captionHidden }: { caption: string; rows: Figure[]; captionHidden?: boolean }) {
  return (
    <table className="table figures">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={row.emphasis === 'total' ? 'total' : undefined}>
            <th scope="row">{row.label}</th>
            <td className="num">{row.emphasis ? <strong>{row.value}</strong> : row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A page or section still loading (the spinner says so to screen readers). */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading">
      <Spinner label={label} />
      <span aria-hidden="true" className="loading-text">{label}</span>
    </div>
  );
}

/** Something that could not be loaded, in words for people, with what to do next. */
export function ErrorState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Alert tone="danger" title={title}>
      {children}
    </Alert>
  );
}
