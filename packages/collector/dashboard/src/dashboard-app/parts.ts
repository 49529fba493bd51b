import { html, type TemplateResult } from 'lit';
import { formatCount, formatMoneyWrappable, formatPercent } from '../format.js';
import { noValue } from '../no-value.js';
import type { Totals } from '../report.js';
import { strings, t } from '../strings.js';

export interface Choice {
  value: string;
  label: string;
}

/** A labelled radio group drawn as a segmented control: arrow keys move through it, as in any radio group. */
export function choiceGroup(legend: string, name: string, choices: Choice[], selected: string, onChange: (value: string) => void): TemplateResult {
  return html`<fieldset class="choice">
    <legend>${legend}</legend>
    <div class="options">
      ${choices.map(
        (choice) => html`<label>
          <input type="radio" name=${name} value=${choice.value} .checked=${choice.value === selected} @change=${() => onChange(choice.value)} />
          <span>${choice.label}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

/** The period at a glance; while loading every value is a placeholder of the same height. */
export function totalsList(totals: Totals | undefined, currency: string, locale: string): TemplateResult {
  const money = (amount: number) => formatMoneyWrappable(amount, currency, locale);
  const bone = html`<span class="bone"></span>`;
  // A period without sales has no currency to write a zero in.
  const value = (text: () => string) => (!totals ? bone : currency ? text() : noValue(strings.none));
  const rate = totals ? formatPercent(totals.conversionRate, locale) : undefined;
  // Counts are not per currency: say so when the money shown is only one of several.
  const counted = (label: string) => (totals?.mixedCurrencies ? t('allCurrencies', { label }) : label);
  return html`<section aria-labelledby="totals-title"><h2 class="visually-hidden" id="totals-title">${strings.totals}</h2><dl class="totals">
    <div class="total main"><dt>${strings.earnings}</dt><dd>${value(() => money(totals!.earnings))}</dd></div>
    <div class="total"><dt>${strings.pending}</dt><dd>${value(() => money(totals!.commissionPending))}</dd></div>
    <div class="total"><dt>${strings.revenue}</dt><dd>${value(() => money(totals!.revenue))}</dd></div>
    <div class="total"><dt>${counted(strings.orders)}</dt><dd>${totals ? formatCount(totals.orders, locale) : bone}</dd></div>
    <div class="total"><dt>${counted(strings.conversion)}</dt><dd>${totals ? (rate ?? noValue(strings.noClicks)) : bone}</dd></div>
  </dl></section>`;
}
