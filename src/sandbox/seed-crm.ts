// The demo shop's wholesale CRM: a "Wholesale" pipeline and a "Corporate gifts" one, five retailer
// companies linked to the customers who buy for them, eight deals spread over the stages with
// amounts and close dates, and the tasks, notes and a quote file that go with them.
import { objectId, OWNER_ID, type Company, type Deal, type Pipeline, type Task } from './crm-store.js';
import { SHOP_DOMAIN, type Ago } from './seed-people.js';
import type { Store } from './store.js';

const stage = (pipeline: number, n: number, name: string) => ({
  id: `4c6f${pipeline}e2a-${String(n).padStart(4, '0')}-4d1b-9a3e-6b2f0c8d1e${String(n).padStart(2, '0')}`,
  name,
});

const attribute = (
  internalName: string,
  label: string,
  attributeTypeName: string,
  options: string[] = [],
  isRequired = false,
) => ({
  internalName,
  label,
  attributeTypeName,
  attributeOptions: options.map((o) => ({ key: o.toLowerCase().replace(/[^a-z0-9]+/g, '_'), value: o })),
  isRequired,
});

export function seedCrm(store: Store, ago: Ago): void {
  const crm = store.crm;
  const wholesale: Pipeline = {
    id: objectId('pipeline', 1),
    name: 'Wholesale',
    stages: ['New lead', 'Qualified', 'Proposal sent', 'Negotiation', 'Won', 'Lost'].map((name, i) =>
      stage(1, i + 1, name),
    ),
  };
  const gifts: Pipeline = {
    id: objectId('pipeline', 2),
    name: 'Corporate gifts',
    stages: ['Inquiry', 'Quote sent', 'Won', 'Lost'].map((name, i) => stage(2, i + 1, name)),
  };
  crm.pipelines.push(wholesale, gifts);
  const at = (p: Pipeline, name: string) => p.stages.find((s) => s.name === name)!.id;

  crm.attributes.deals.push(
    attribute('deal_name', 'Deal name', 'text', [], true),
    attribute('deal_owner', 'Deal owner', 'user'),
    attribute('amount', 'Amount', 'number'),
    attribute('pipeline', 'Pipeline', 'pipeline'),
    attribute('deal_stage', 'Deal stage', 'stage'),
    attribute('close_date', 'Expected close date', 'date'),
    attribute('deal_description', 'Description', 'text'),
    attribute('lost_reason', 'Lost reason', 'single-select', ['Price', 'Timing', 'Chose a competitor', 'No answer']),
  );
  crm.attributes.companies.push(
    attribute('name', 'Company name', 'text', [], true),
    attribute('domain', 'Website', 'text'),
    attribute('industry', 'Industry', 'single-select', ['Retail', 'Concept store', 'Interior design', 'Corporate']),
    attribute('owner', 'Company owner', 'user'),
    attribute('number_of_employees', 'Employees', 'number'),
    attribute('revenue', 'Annual revenue', 'number'),
    attribute('phone_number', 'Phone', 'text'),
    attribute('country_code', 'Country code', 'number'),
  );
  ['Call', 'Email', 'Meeting', 'To do', 'Lunch', 'Deadline'].forEach((title, i) => {
    crm.taskTypes.push({ id: objectId('tasktype', i + 1), title });
  });
  const type = (title: string) => crm.taskTypes.find((t) => t.title === title)!.id;

  const companies: [
    name: string,
    domain: string,
    industry: string,
    employees: number,
    revenue: number,
    phone: string,
    country: number,
    contacts: number[],
    days: number,
  ][] = [
    ['Maison Verte', 'maisonverte.example', 'concept_store', 6, 420_000, '+33 4 78 00 00 12', 33, [1], 180],
    ['Nordic Living', 'nordicliving.example', 'retail', 14, 1_300_000, '+45 32 00 00 40', 45, [], 150],
    ['Rossi Home', 'rossihome.example', 'interior_design', 4, 260_000, '+39 02 0000 0031', 39, [6], 40],
    ['The Gift Corner', 'giftcorner.example', 'retail', 9, 610_000, '+44 113 496 0000', 44, [9], 260],
    ['Atelier Berlin', 'atelierberlin.example', 'concept_store', 5, 380_000, '+49 30 0000 0077', 49, [7], 90],
  ];
  companies.forEach(([name, domain, industry, employees, revenue, phone, country, contacts, days], i) => {
    const c: Company = {
      id: objectId('company', i + 1),
      attributes: {
        name,
        domain,
        industry,
        owner: OWNER_ID,
        number_of_employees: employees,
        revenue,
        phone_number: phone,
        country_code: country,
      },
      contactIds: contacts,
      dealIds: [],
      createdAt: ago(days),
      modifiedAt: ago(Math.min(days, 3 + i * 2)),
    };
    crm.companies.set(c.id, c);
  });
  store.reserveId('company', companies.length);
  const companyId = (name: string) => [...crm.companies.values()].find((c) => c.attributes.name === name)!.id;

  const deals: [
    name: string,
    p: Pipeline,
    stage: string,
    amount: number,
    closeIn: number,
    company: string | undefined,
    contacts: number[],
    days: number,
    extra?: Record<string, unknown>,
  ][] = [
    ['Maison Verte – linen scarves for the shop', wholesale, 'Proposal sent', 4_800, 20, 'Maison Verte', [1], 24],
    ['Nordic Living – 200 black totes', wholesale, 'Negotiation', 3_200, 9, 'Nordic Living', [], 31],
    ['Rossi Home – first wholesale order', wholesale, 'New lead', 1_500, 45, 'Rossi Home', [6], 6],
    ['Atelier Berlin – pop-up shop stock', wholesale, 'Qualified', 5_600, 30, 'Atelier Berlin', [7], 12],
    ['The Gift Corner – spring reorder', wholesale, 'Won', 2_250, -8, 'The Gift Corner', [9], 40],
    ['Nordic Living – stoneware mugs', wholesale, 'Won', 1_200, -25, 'Nordic Living', [], 55],
    [
      'Maison Verte – holiday gift boxes',
      wholesale,
      'Lost',
      2_900,
      -15,
      'Maison Verte',
      [1],
      70,
      { lost_reason: 'timing' },
    ],
    ['Lumen Studio – 60 welcome kits', gifts, 'Quote sent', 3_900, 14, undefined, [2], 9],
  ];
  deals.forEach(([name, pipeline, stageName, amount, closeIn, companyName, contacts, days, extra], i) => {
    const d: Deal = {
      id: objectId('deal', i + 1),
      attributes: {
        deal_name: name,
        deal_owner: store.account.email,
        amount,
        pipeline: pipeline.id,
        deal_stage: at(pipeline, stageName),
        close_date: ago(-closeIn).slice(0, 10),
        ...extra,
      },
      contactIds: contacts,
      companyIds: [],
      createdAt: ago(days),
      modifiedAt: ago(Math.max(0, Math.floor(days / 3)), 2),
      stageUpdatedAt: ago(Math.max(1, Math.floor(days / 2))),
    };
    crm.deals.set(d.id, d);
    if (companyName) {
      const c = crm.companies.get(companyId(companyName))!;
      c.dealIds.push(d.id);
      d.companyIds.push(c.id);
    }
  });
  store.reserveId('deal', deals.length);
  const dealId = (prefix: string) =>
    [...crm.deals.values()].find((d) => String(d.attributes.deal_name).startsWith(prefix))!.id;

  const tasks: [
    name: string,
    type: string,
    dueIn: number,
    done: boolean,
    deal: string | undefined,
    company: string | undefined,
    contacts: number[],
  ][] = [
    ['Call Maison Verte about delivery dates', 'Call', -2, false, 'Maison Verte – linen', 'Maison Verte', [1]],
    ['Send Nordic Living the revised price list', 'Email', 0, false, 'Nordic Living – 200', 'Nordic Living', []],
    ['Samples meeting with Rossi Home', 'Meeting', 1, false, 'Rossi Home', 'Rossi Home', [6]],
    ['Check stock for the Atelier Berlin pop-up', 'To do', 5, false, 'Atelier Berlin', 'Atelier Berlin', [7]],
    ['Quote follow-up with Lumen Studio', 'Call', 3, false, 'Lumen Studio', undefined, [2]],
    ['Confirm The Gift Corner invoice is paid', 'To do', -9, true, 'The Gift Corner', 'The Gift Corner', [9]],
  ];
  tasks.forEach(([name, typeTitle, dueIn, done, dealPrefix, companyName, contacts], i) => {
    const t: Task = {
      id: objectId('task', i + 1),
      taskTypeId: type(typeTitle),
      name,
      date: ago(-dueIn, -10),
      duration: typeTitle === 'Meeting' ? 3_600_000 : 900_000,
      done,
      assignToId: OWNER_ID,
      contactIds: contacts,
      dealIds: dealPrefix ? [dealId(dealPrefix)] : [],
      companyIds: companyName ? [companyId(companyName)] : [],
      createdAt: ago(Math.max(1, 10 - i)),
    };
    crm.tasks.set(t.id, t);
  });
  store.reserveId('task', tasks.length);

  const notes: [
    text: string,
    deal: string | undefined,
    company: string | undefined,
    contacts: number[],
    days: number,
  ][] = [
    [
      'Emma wants 120 indigo scarves and 40 oatmeal shawls, delivered before the 15th. Proposal sent ' +
        'with 12% wholesale discount.',
      'Maison Verte – linen',
      'Maison Verte',
      [1],
      8,
    ],
    [
      'Nordic Living asks for 8% off on 200 totes; we can go to 6% with free shipping.',
      'Nordic Living – 200',
      'Nordic Living',
      [],
      4,
    ],
    [
      'Leo found us through the Milan design fair; small shop, wants to test 30 pieces first.',
      'Rossi Home',
      'Rossi Home',
      [6],
      5,
    ],
    ['Pays within 15 days, reorders every season.', undefined, 'The Gift Corner', [9], 30],
  ];
  notes.forEach(([text, dealPrefix, companyName, contacts, days], i) => {
    crm.notes.set(objectId('note', i + 1), {
      id: objectId('note', i + 1),
      text,
      contactIds: contacts,
      dealIds: dealPrefix ? [dealId(dealPrefix)] : [],
      companyIds: companyName ? [companyId(companyName)] : [],
      createdAt: ago(days),
      updatedAt: ago(days),
    });
  });
  store.reserveId('note', notes.length);

  crm.files.set(objectId('file', 1), {
    id: objectId('file', 1),
    name: 'Maison Verte - quote Q-2041.pdf',
    size: 48_213,
    contentType: 'application/pdf',
    dealId: dealId('Maison Verte – linen'),
    companyId: companyId('Maison Verte'),
    createdAt: ago(8),
  });
  crm.files.set(objectId('file', 2), {
    id: objectId('file', 2),
    name: `Wholesale price list - ${SHOP_DOMAIN}.xlsx`,
    size: 18_940,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    companyId: companyId('Nordic Living'),
    createdAt: ago(4),
  });
  store.reserveId('file', 2);
}
