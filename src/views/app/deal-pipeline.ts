// The CRM pipeline (get_deals): deals per stage with their count and total amount, stage names from get_pipelines, one
// pipeline at a time, and the next page of deals.
import 'chartist/dist/index.css';
import './styles.css';
import { mountChart } from './chart.js';
import { itemsOf, pipelineSummaries, type PipelineSummary } from './data.js';
import { focusHeading, h, messageOf, notice, status, tiles } from './dom.js';
import { amount, int, share } from './format.js';
import { startView, type ViewContext } from './view.js';

/** Brevo's page of deals when the call gave no limit. */
const DEFAULT_PAGE = 50;

startView('deal-pipeline', async (data, ctx) => {
  const deals = itemsOf(data, 'items');
  const line = status();
  ctx.root.append(h('h1', {}, 'Deal pipeline'), line.element);
  line.say('Loading stage names…');
  // Deals carry stage ids; the pipelines give their names and order.
  let pipelines: unknown;
  let namesMissing = '';
  try {
    pipelines = await ctx.call('get_pipelines', {});
  } catch (error) {
    namesMissing = `Stage names are missing: get_pipelines failed (${messageOf(error)}).`;
  }
  const limit = typeof ctx.args.limit === 'number' && ctx.args.limit > 0 ? ctx.args.limit : DEFAULT_PAGE;
  const offset = typeof ctx.args.offset === 'number' ? ctx.args.offset : 0;
  draw(ctx, deals, pipelines, namesMissing, { limit, next: deals.length >= limit ? offset + deals.length : undefined });
});

interface Paging {
  limit: number;
  /** The offset of the next page, when this one was full. */
  next?: number;
}

function draw(
  ctx: ViewContext,
  deals: unknown[],
  pipelines: unknown,
  namesMissing: string,
  paging: Paging,
  chosen?: string,
): void {
  const { root } = ctx;
  const summaries = pipelineSummaries(deals, pipelines);
  const withDeals = summaries.filter((p) => p.stages.some((s) => s.deals));
  const line = status();
  const read = `${int(deals.length)} ${deals.length === 1 ? 'deal' : 'deals'} read${paging.next !== undefined ? ', more to load' : ''}`;
  if (!deals.length) {
    root.replaceChildren(
      h('h1', {}, 'Deal pipeline'),
      ...(namesMissing ? [notice(namesMissing, 'error')] : []),
      notice('No deals here.'),
    );
    return;
  }
  const current =
    summaries.find((p) => p.id === chosen) ??
    withDeals.reduce<PipelineSummary | undefined>((a, b) => (!a || count(b) > count(a) ? b : a), undefined)!;
  root.replaceChildren(
    h('h1', {}, 'Deal pipeline'),
    h('p', { class: 'subtitle' }, `${current.name} · ${read}`),
    line.element,
  );
  if (namesMissing) root.append(notice(namesMissing, 'error'));
  const controls = h('div', { class: 'controls' });
  if (summaries.length > 1) {
    const select = h(
      'select',
      { id: 'pipeline' },
      ...summaries.map((p) => h('option', { value: p.id }, `${p.name} (${int(count(p))})`)),
    );
    select.value = current.id;
    select.addEventListener('change', () => {
      draw(ctx, deals, pipelines, namesMissing, paging, select.value);
      root.querySelector<HTMLSelectElement>('#pipeline')?.focus();
    });
    controls.append(h('label', { for: 'pipeline' }, 'Pipeline'), select);
  }
  if (paging.next !== undefined) {
    const from = paging.next;
    controls.append(
      h(
        'button',
        {
          type: 'button',
          onclick: () => void nextDeals(ctx, deals, pipelines, namesMissing, paging, from, current.id, line.say),
        },
        `Load ${paging.limit} more deals`,
      ),
    );
  }
  if (controls.childElementCount) root.append(controls);

  const stages = current.stages;
  const dealsIn = count(current);
  const total = stages.reduce((s, st) => s + st.amount, 0);
  const biggest = stages.reduce((a, b) => (b.amount > a.amount ? b : a), stages[0]!);
  root.append(
    tiles([
      { label: 'Deals', value: int(dealsIn) },
      { label: 'Total amount', value: amount(total) },
      { label: 'Average deal', value: dealsIn ? amount(total / dealsIn) : '–' },
      {
        label: 'Largest stage',
        value: biggest?.amount ? biggest.name : '–',
        detail: biggest?.amount ? `${share(biggest.amount, total)} of the amount` : undefined,
      },
    ]),
  );
  mountChart(root, {
    title: 'Amount per stage',
    // wide: one message whose parts depend on conditions; kept whole so it reads as sent
    summary: `${current.name}, amount and deals per stage: ${stages.map((s) => `${s.name} ${amount(s.amount)} in ${int(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}`).join('; ')}.`,
    kind: 'bar',
    labels: stages.map((s) => s.name),
    labelHeading: 'Stage',
    format: amount,
    series: [{ name: 'Amount', values: stages.map((s) => s.amount) }],
    extraColumns: [
      { name: 'Deals', values: stages.map((s) => int(s.deals)) },
      { name: 'Share of amount', values: stages.map((s) => share(s.amount, total)) },
    ],
  });
  mountChart(root, {
    title: 'Deals per stage',
    summary: `${current.name}, deals per stage: ${stages.map((s) => `${s.name} ${int(s.deals)}`).join(', ')}.`,
    kind: 'bar',
    horizontal: true,
    labels: stages.map((s) => s.name),
    labelHeading: 'Stage',
    series: [{ name: 'Deals', values: stages.map((s) => s.deals) }],
    extraColumns: [{ name: 'Share of deals', values: stages.map((s) => share(s.deals, dealsIn)) }],
  });
}

const count = (p: PipelineSummary) => p.stages.reduce((s, st) => s + st.deals, 0);

async function nextDeals(
  ctx: ViewContext,
  deals: unknown[],
  pipelines: unknown,
  namesMissing: string,
  paging: Paging,
  offset: number,
  chosen: string,
  say: (text: string) => void,
): Promise<void> {
  say('Loading more deals…');
  try {
    const { limit: _limit, offset: _offset, ...filters } = ctx.args;
    const page = itemsOf(await ctx.call('get_deals', { ...filters, limit: paging.limit, offset }), 'items');
    const seen = new Set(deals.map((d) => (d as { id?: unknown }).id));
    const fresh = page.filter((d) => !seen.has(d.id));
    draw(
      ctx,
      [...deals, ...fresh],
      pipelines,
      namesMissing,
      { limit: paging.limit, next: page.length >= paging.limit && fresh.length ? offset + page.length : undefined },
      chosen,
    );
    focusHeading(ctx.root);
  } catch (error) {
    say(`Could not load more deals: ${messageOf(error)}`);
  }
}
