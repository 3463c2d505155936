/** The design system's components: what people and assistive technology get from them. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { Disclosure } from './Disclosure';
import { ActionButton } from './forms';
import { Toast } from './Toast';
import { Button, CheckboxGroup, DataTable, FigureTable, Logo, RadioGroup, TextField } from './ui';

jest.mock('next/navigation', () => ({ usePathname: () => '/' }));

describe('Button', () => {
  it('while loading, is disabled and says what is happening', () => {
    render(<Button loading loadingText="Publishing…">Publish</Button>);
    const button = screen.getByRole('button', { name: /Publishing…/ });
    expect(button).toBeDisabled();
    expect(button).not.toHaveTextContent('Publish challenge');
  });
});

describe('TextField', () => {
  it('links its hint, then its error, to the input', () => {
    const { rerender } = render(<TextField label="Title" hint="What solvers see first" />);
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('What solvers see first');
    rerender(<TextField label="Title" hint="What solvers see first" error="Enter the title." />);
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Enter the title.');
    expect(screen.getByLabelText('Title')).toBeInvalid();
  });
});

describe('RadioGroup', () => {
  it('names the group by its legend, describes each option by its hint, and the group by its error', async () => {
    const onChange = jest.fn();
    const options = [{ value: 'a', label: 'Option A', hint: 'What A means' }, { value: 'b', label: 'Option B' }];
    const { rerender } = render(<RadioGroup legend="Pick one" name="pick" value="a" onChange={onChange} options={options} />);
    expect(screen.getByRole('group', { name: 'Pick one' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Option A' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Option A' })).toHaveAccessibleDescription('What A means');
    await userEvent.click(screen.getByRole('radio', { name: 'Option B' }));
    expect(onChange).toHaveBeenCalledWith('b');
    rerender(<RadioGroup legend="Pick one" name="pick" value="a" onChange={onChange} options={options} error="Choose again" />);
    expect(screen.getByRole('group', { name: 'Pick one' })).toHaveAccessibleDescription('Choose again');
  });
});

describe('CheckboxGroup', () => {
  it('names the group by its legend, ticks the defaults, posts every ticked value under one name, and is described by its error', () => {
    const options = [{ value: 'a', label: 'Option A', hint: 'What A means' }, { value: 'b', label: 'Option B' }, { value: 'c', label: 'Option C' }];
    const { rerender, container } = render(<form><CheckboxGroup legend="Pick some" name="pick" defaultValue={['a', 'c']} options={options} hint="Any of them" /></form>);
    expect(screen.getByRole('group', { name: 'Pick some' })).toHaveAccessibleDescription('Any of them');
    expect(screen.getByRole('checkbox', { name: 'Option A' })).toHaveAccessibleDescription('What A means');
    expect(new FormData(container.querySelector('form')!).getAll('pick')).toEqual(['a', 'c']);
    rerender(<form><CheckboxGroup legend="Pick some" name="pick" options={options} error="Choose one" /></form>);
    expect(screen.getByRole('group', { name: 'Pick some' })).toHaveAccessibleDescription('Choose one');
    expect(screen.getByRole('group', { name: 'Pick some' })).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('DataTable', () => {
  it('labels every cell with its column, for the list it becomes on a phone', () => {
    render(<DataTable caption="Payouts" rows={[{ id: 'p1', prize: 'First prize' }]} rowKey={(r) => r.id} columns={[{ key: 'prize', label: 'Prize', render: (r) => r.prize }]} />);
    expect(screen.getByRole('table', { name: 'Payouts' })).toHaveClass('table-stack');
    expect(screen.getByRole('cell', { name: 'First prize' })).toHaveAttribute('data-label', 'Prize');
    expect(screen.getByRole('columnheader', { name: 'Prize' })).toHaveAttribute('scope', 'col');
  });
});

describe('FigureTable', () => {
  it('names each figure by a row header, its caption naming the table, a total in bold after a rule', () => {
    render(<FigureTable caption="What you pay" rows={[
      { label: 'Platform fee', value: '$10.00' },
      { label: 'Held for winners', value: '$5.00', emphasis: 'strong' },
      { label: 'Total to pay', value: '$110.00', emphasis: 'total' },
    ]} />);
    const table = screen.getByRole('table', { name: 'What you pay' });
    expect(table).toHaveClass('figures');
    expect(table).not.toHaveClass('table-stack');
    expect(screen.getByRole('rowheader', { name: 'Platform fee' })).toHaveAttribute('scope', 'row');
    const [fee, held, total] = screen.getAllByRole('row');
    expect(fee).not.toHaveClass('total');
    expect(fee!.querySelector('strong')).toBeNull();
    expect(held).not.toHaveClass('total');
    expect(held!.querySelector('strong')).toHaveTextContent('$5.00');
    expect(total).toHaveClass('total');
    expect(total!.querySelector('strong')).toHaveTextContent('$110.00');
  });

  it('can hide its caption from sight and keep it as the name', () => {
    render(<FigureTable caption="Escrow summary" captionHidden rows={[{ label: 'Funded', value: '$1.00' }]} />);
    expect(screen.getByRole('table', { name: 'Escrow summary' }).querySelector('caption')).toHaveClass('visually-hidden');
  });
});

describe('Logo', () => {
  it('is the word Ideagora with a decorative mark', () => {
    const { container } = render(<Logo />);
    expect(container).toHaveTextContent('Ideagora');
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });
});

describe('Disclosure (the header menu, the filters on a phone)', () => {
  it('is a button that says whether it is open and controls its panel; Escape closes it and gives the focus back', async () => {
    render(<Disclosure label="Menu"><a href="/challenges">Browse challenges</a></Disclosure>);
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(button.getAttribute('aria-controls')!);
    expect(panel).toContainElement(screen.getByRole('link', { name: 'Browse challenges' }));
    expect(panel!.parentElement).toHaveAttribute('data-open', 'false');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(panel!.parentElement).toHaveAttribute('data-open', 'true');
    await userEvent.tab();
    expect(screen.getByRole('link', { name: 'Browse challenges' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });
});

describe('ActionButton with a confirmation', () => {
  it('asks in the page, never with confirm(), and sends only once confirmed', async () => {
    const confirm = jest.spyOn(window, 'confirm');
    const action = jest.fn<Promise<FormState>, [FormState, FormData]>(async () => ({}));
    render(<ActionButton action={action} fields={{ challengeId: 'c1', op: 'close' }} label="Close submissions" confirmText="Close submissions now and start judging?"
      confirmDetail="Solvers can no longer submit." />);
    await userEvent.click(screen.getByRole('button', { name: 'Close submissions' }));
    expect(screen.getByRole('group', { name: 'Close submissions now and start judging?' })).toHaveTextContent('Solvers can no longer submit.');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Close submissions now and start judging?' })).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Close submissions' })).toHaveFocus());
    expect(action).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Close submissions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, close submissions' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(action.mock.calls[0][1])).toEqual({ challengeId: 'c1', op: 'close' });
    expect(confirm).not.toHaveBeenCalled();
  });

  it('as danger-outline (a row’s quiet button), asks as a danger: what cannot be undone', async () => {
    render(<ActionButton action={jest.fn()} fields={{ apiKeyId: 'k1' }} label="Revoke CI" variant="danger-outline" confirmText="Revoke the key “CI”?" confirmLabel="Yes, revoke" />);
    expect(screen.getByRole('button', { name: 'Revoke CI' })).toHaveClass('btn-danger-outline');
    await userEvent.click(screen.getByRole('button', { name: 'Revoke CI' }));
    expect(screen.getByRole('group', { name: 'Revoke the key “CI”?' })).toHaveClass('confirm-danger');
    expect(screen.getByRole('button', { name: 'Yes, revoke' })).toHaveClass('btn-danger');
  });
});

describe('Toast', () => {
  it('announces its message politely and can be dismissed', async () => {
    render(<Toast message="Profile saved." />);
    expect(screen.getByRole('status')).toHaveTextContent('Profile saved.');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
