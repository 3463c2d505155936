import type { ComponentProps, InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useId } from 'react';
import Link from 'next/link';

const cx = (...names: (string | false | undefined | null)[]) => names.filter(Boolean).join(' ');

export type Variant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'ghost';

export function Button({ variant = 'primary', className, type = 'button', ...props }: ComponentProps<'button'> & { variant?: Variant }) {
  return <button type={type} className={cx('btn', `btn-${variant}`, className)} {...props} />;
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

export function Card({ children, className, as: Tag = 'section', ...rest }: { children: ReactNode; className?: string; as?: 'section' | 'article' | 'div'; 'aria-labelledby'?: string }) {
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
