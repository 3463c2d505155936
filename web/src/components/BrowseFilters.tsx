'use client';

import { useState, type FormEvent } from 'react';
import { checkMinimumPrize, type FilterErrors } from '@/lib/browse';
import { amountExample, currencyExponent, isSupportedCurrency } from '@/lib/money';
import { Button, Select, TextField } from './ui';

type Option = { value: string; label: string };

export interface BrowseFilterValues {
  q: string;
  type: string;
  status: string;
  sort: string;
  currency: string;
  minPrize: string;
}

/** What the minimum prize accepts in the chosen currency. */
export function minimumPrizeHint(currency: string): string {
  if (!currency || !isSupportedCurrency(currency)) return 'Choose a prize currency first';
  const exponent = currencyExponent(currency);
  const decimals = exponent === 0 ? 'whole amounts, no decimals' : `up to ${exponent} decimals`;
  return `In ${currency}, ${decimals} (e.g. ${amountExample(currency)})`;
}

/**
 * The browse filters: a plain GET form (works without JavaScript; the page checks the values again). With JavaScript,
 * the minimum prize (and a prize order's currency) is checked before leaving the page and its hint follows the chosen
 * currency. `currencies` are the API's `challengeCurrencies`: the ones challenges can be created in.
 */
export function BrowseFilters({ values, errors: serverErrors = {}, types, statuses, sorts, currencies }: {
  values: BrowseFilterValues;
  errors?: FilterErrors;
  types: Option[];
  statuses: Option[];
  sorts: Option[];
  currencies: Option[];
}) {
  const [currency, setCurrency] = useState(() => (currencies.some((c) => c.value === values.currency) ? values.currency : ''));
  const [clientErrors, setClientErrors] = useState<FilterErrors | null>(null);
  const errors = clientErrors ?? serverErrors;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const fd = new FormData(event.currentTarget);
    const { errors: found } = checkMinimumPrize(String(fd.get('minPrize') ?? ''), String(fd.get('currency') ?? ''), String(fd.get('sort') ?? ''));
    setClientErrors(found);
    const first = found.currency ? 'currency' : found.minPrize ? 'minPrize' : null;
    if (first) {
      event.preventDefault();
      event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    }
  };

  return (
    <form method="get" action="/challenges" className="filters" role="search" aria-label="Filter challenges" onSubmit={onSubmit} noValidate>
      <TextField label="Search" name="q" type="search" defaultValue={values.q} placeholder="e.g. desalination membrane" />
      <Select label="Type" name="type" defaultValue={values.type} options={[{ value: '', label: 'Any type' }, ...types]} />
      <Select label="Status" name="status" defaultValue={values.status} options={statuses} />
      <Select label="Sort by" name="sort" defaultValue={values.sort} options={sorts} />
      <Select label="Prize currency" name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)} error={errors.currency}
        options={[{ value: '', label: 'Any currency' }, ...currencies]} />
      <TextField label="Minimum prize" name="minPrize" inputMode="decimal" autoComplete="off" defaultValue={values.minPrize} error={errors.minPrize}
        hint={minimumPrizeHint(currency)} />
      <div className="filters-actions">
        <Button type="submit">Search</Button>
      </div>
    </form>
  );
}
