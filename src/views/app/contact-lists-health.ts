// Contact lists' health (get_lists): subscribed and blocklisted per list, the next page of lists, and one list's growth
// by month.
import 'chartist/dist/index.css';
import './styles.css';
import { mountChart } from './chart.js';
import { growthByMonth, itemsOf, listRows, type ListRow } from './data.js';
import { focusHeading, h, messageOf, notice, status, tiles } from './dom.js';
import { int, month, num, share } from './format.js';
import { startView, type ViewContext } from './view.js';

/** The most lists Brevo gives per page. */
const LIST_PAGE = 50;
/** Contacts read per page for growth, and the most pages read (the newest contacts first). */
const CONTACT_PAGE = 500;
const CONTACT_PAGES = 4;

startView('contact-lists-health', async (data, ctx) => {
  const answer = data as { lists?: unknown; count?: unknown };
  const rows = listRows(answer?.lists);
  const total = num(answer?.count) || rows.length;
  const offset = typeof ctx.args.offset === 'number' ? ctx.args.offset : 0;
  await draw(ctx, rows, total, offset);
});

async function draw(ctx: ViewContext, rows: ListRow[], total: number, offset: number): Promise<void> {
  const { root } = ctx;
  const line = status();
  root.replaceChildren(
    h('h1', {}, 'Contact lists health'),
    h(
      'p',
      { class: 'subtitle' },
      rows.length < total
        ? `Lists ${int(offset + 1)}–${int(offset + rows.length)} of ${int(total)}`
        : `${int(total)} ${total === 1 ? 'list' : 'lists'}`,
    ),
    line.element,
  );
  if (!rows.length) {
    root.append(notice('This account has no contact lists here.'));
    return;
  }
  const subscribed = rows.reduce((s, r) => s + r.subscribed, 0);
  const blocklisted = rows.reduce((s, r) => s + r.blocklisted, 0);
  const worst = rows.reduce((a, b) => (b.blocklisted / (b.contacts || 1) > a.blocklisted / (a.contacts || 1) ? b : a));
  root.append(
    tiles([
      { label: 'Lists shown', value: int(rows.length), detail: rows.length < total ? `of ${int(total)}` : undefined },
      { label: 'Subscribed', value: int(subscribed), detail: 'summed over lists' },
      {
        label: 'Blocklisted',
        value: int(blocklisted),
        detail: `${share(blocklisted, subscribed + blocklisted)} of memberships`,
      },
      {
        label: 'Most blocklisted',
        value: worst.blocklisted ? share(worst.blocklisted, worst.contacts) : '–',
        detail: worst.blocklisted ? worst.name : 'none blocklisted',
      },
    ]),
  );
  if (offset + rows.length < total) {
    root.append(
      h(
        'div',
        { class: 'controls' },
        h(
          'button',
          { type: 'button', onclick: () => void nextLists(ctx, offset + rows.length, line.say) },
          `Next ${Math.min(LIST_PAGE, total - offset - rows.length)} lists`,
        ),
      ),
    );
  }
  mountChart(root, {
    title: 'Subscribed and blocklisted per list',
    summary: `Contacts per list: ${rows.map((r) => `${r.name} ${int(r.subscribed)} subscribed, ${int(r.blocklisted)} blocklisted`).join('; ')}.`,
    kind: 'bar',
    horizontal: true,
    stacked: true,
    labels: rows.map((r) => r.name),
    labelHeading: 'List',
    series: [
      { name: 'Subscribed', values: rows.map((r) => r.subscribed) },
      { name: 'Blocklisted', values: rows.map((r) => r.blocklisted) },
    ],
    extraColumns: [
      { name: 'Contacts', values: rows.map((r) => int(r.contacts)) },
      { name: 'Blocklisted share', values: rows.map((r) => share(r.blocklisted, r.contacts)) },
    ],
  });

  const growth = h('section', { class: 'growth', 'aria-labelledby': 'growth-title' });
  const select = h('select', { id: 'growth-list' }, ...rows.map((r) => h('option', { value: String(r.id) }, r.name)));
  const largest = rows.reduce((a, b) => (b.contacts > a.contacts ? b : a));
  select.value = String(largest.id);
  const body = h('div', {});
  growth.append(
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: 'growth-title' }, 'Growth by month'),
      h('span', {}, h('label', { for: 'growth-list' }, 'List '), select),
    ),
    body,
  );
  root.append(growth);
  select.addEventListener('change', () => void showGrowth(ctx, body, rows.find((r) => String(r.id) === select.value)!));
  await showGrowth(ctx, body, largest);
}

async function nextLists(ctx: ViewContext, offset: number, say: (text: string) => void): Promise<void> {
  say('Loading the next lists…');
  try {
    const answer = (await ctx.call('get_lists', { limit: LIST_PAGE, offset })) as { count?: unknown; lists?: unknown };
    await draw(ctx, listRows(answer?.lists), num(answer?.count), offset);
    focusHeading(ctx.root);
  } catch (error) {
    say(`Could not load more lists: ${messageOf(error)}`);
  }
}

/** Reads the list's contacts, newest first, through the host and draws new contacts per month. */
async function showGrowth(ctx: ViewContext, body: HTMLElement, list: ListRow): Promise<void> {
  const line = status();
  body.replaceChildren(line.element);
  line.say(`Loading the contacts of ${list.name}…`);
  const contacts: unknown[] = [];
  try {
    for (let page = 0; page < CONTACT_PAGES; page++) {
      const answer = await ctx.call('get_contacts_from_list', {
        listId: list.id,
        limit: CONTACT_PAGE,
        offset: page * CONTACT_PAGE,
        sort: 'desc',
      });
      const items = itemsOf(answer, 'contacts');
      contacts.push(...items);
      if (items.length < CONTACT_PAGE) break;
    }
  } catch (error) {
    line.say('');
    body.append(notice(`Could not read the contacts of ${list.name}: ${messageOf(error)}`, 'error'));
    return;
  }
  line.say('');
  const months = growthByMonth(contacts, list.contacts, new Date());
  if (!months.length) {
    body.append(notice(`No dates to chart for ${list.name}.`));
    return;
  }
  const partial = contacts.length < list.contacts;
  body.append(
    h(
      'p',
      { class: 'subtitle' },
      `New contacts per month among the ${int(list.contacts)} now in ${list.name}, by the date each ` +
        `contact was created in Brevo (Brevo does not date list sign-ups)${partial ? `; from the newest ${int(contacts.length)}` : ''}.`,
    ),
  );
  const last = months[months.length - 1]!;
  mountChart(body, {
    title: `${list.name}: new contacts per month`,
    summary:
      `${list.name} gained ${months.map((m) => `${int(m.added)} in ${month(m.month)}`).join(', ')}; ` +
      `${int(last.total)} contacts at the end.`,
    kind: 'bar',
    headingLevel: 3,
    labels: months.map((m) => month(m.month)),
    labelHeading: 'Month',
    series: [{ name: 'New contacts', values: months.map((m) => m.added) }],
    extraColumns: [{ name: 'Contacts at month end', values: months.map((m) => int(m.total)) }],
  });
}
