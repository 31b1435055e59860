// The emulator's CRM over HTTP: companies, deals, tasks, notes and files go through create →
// read → list (filters, paging) → update → delete → 404, links between deals, companies and
// contacts hold on both sides, deals move through their pipeline's stages, and activities attach
// to what they are about and show in its counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type Json } from './support/emulator.js';

describe("the emulator's CRM", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu?.close());

  it('is seeded with a pipeline of deals at several stages, with amounts, companies and contacts', async () => {
    const [wholesale] = await emu.ok('GET', '/crm/pipeline/details/all');
    expect(wholesale.pipeline_name).toBe('Wholesale');
    expect(wholesale.stages.map((s: Json) => s.name)).toEqual([
      'New lead',
      'Qualified',
      'Proposal sent',
      'Negotiation',
      'Won',
      'Lost',
    ]);
    const { items: deals } = await emu.ok('GET', '/crm/deals?limit=50');
    const inWholesale = deals.filter((d: Json) => d.attributes.pipeline === wholesale.pipeline);
    const perStage = new Map<string, number>();
    for (const d of inWholesale)
      perStage.set(d.attributes.deal_stage, (perStage.get(d.attributes.deal_stage) ?? 0) + d.attributes.amount);
    expect(perStage.size).toBe(wholesale.stages.length);
    expect([...perStage.values()].every((amount) => amount > 0)).toBe(true);
    const maison = deals.find((d: Json) => d.attributes.deal_name.startsWith('Maison Verte – linen'));
    expect(maison).toMatchObject({
      linkedContactsIds: [1],
      linkedCompaniesIds: [expect.any(String)],
      attributes: { amount: 4800, number_of_activities: 2, number_of_contacts: 1 },
    });
    const company = await emu.ok('GET', `/companies/${maison.linkedCompaniesIds[0]}`);
    expect(company.attributes.name).toBe('Maison Verte');
    expect(company.linkedDealsIds).toContain(maison.id);
    expect((await emu.ok('GET', '/crm/pipeline/details')).pipeline).toBe(wholesale.pipeline);
  });

  it('keeps a company through its lifecycle, its links kept on both sides', async () => {
    const { id } = await emu.ok('POST', '/companies', {
      name: 'Linen & Co',
      attributes: { domain: 'linenco.example', industry: 'retail', number_of_employees: 3 },
      linkedContactsIds: [3],
      countryCode: 44,
    });
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    const created = await emu.ok('GET', `/companies/${id}`);
    expect(created).toMatchObject({
      id,
      attributes: { name: 'Linen & Co', domain: 'linenco.example', number_of_contacts: 1, country_code: 44 },
      linkedContactsIds: [3],
      linkedDealsIds: [],
    });

    const listed = await emu.ok(
      'GET',
      `/companies?filters=${encodeURIComponent(JSON.stringify({ 'attributes.name': 'linen &' }))}`,
    );
    expect(listed.items.map((c: Json) => c.id)).toEqual([id]);
    expect((await emu.ok('GET', '/companies?linkedContactsIds=3')).items.map((c: Json) => c.id)).toContain(id);
    const page1 = await emu.ok('GET', '/companies?limit=2&page=1&sort=asc');
    const page2 = await emu.ok('GET', '/companies?limit=2&page=2&sort=asc');
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);

    const updated = await emu.ok('PATCH', `/companies/${id}`, {
      attributes: { number_of_employees: 4 },
      name: 'Linen and Co',
    });
    expect(updated.attributes).toMatchObject({ name: 'Linen and Co', number_of_employees: 4 });
    expect(await emu.request('PATCH', `/companies/${id}`, { attributes: { shoe_size: 42 } })).toMatchObject({
      status: 400,
      json: { code: 'invalid_parameter', message: expect.stringMatching(/shoe_size is not a company attribute/) },
    });

    const { id: dealId } = await emu.ok('POST', '/crm/deals', {
      name: 'Linen and Co – trial order',
      attributes: { amount: 650 },
    });
    expect(
      (
        await emu.request('PATCH', `/companies/link-unlink/${id}`, {
          linkDealsIds: [dealId],
          linkContactIds: [4],
          unlinkContactIds: [3],
        })
      ).status,
    ).toBe(204);
    expect(await emu.ok('GET', `/companies/${id}`)).toMatchObject({ linkedDealsIds: [dealId], linkedContactsIds: [4] });
    expect((await emu.ok('GET', `/crm/deals/${dealId}`)).linkedCompaniesIds).toEqual([id]);
    expect(
      (await emu.ok('GET', `/crm/deals?filters%5BlinkedCompaniesIds%5D=${id}`)).items.map((d: Json) => d.id),
    ).toEqual([dealId]);

    expect((await emu.request('DELETE', `/companies/${id}`)).status).toBe(204);
    expect(await emu.request('GET', `/companies/${id}`)).toMatchObject({
      status: 404,
      json: { code: 'document_not_found', message: 'Company not found' },
    });
    expect((await emu.ok('GET', `/crm/deals/${dealId}`)).linkedCompaniesIds).toEqual([]);
    expect((await emu.request('DELETE', `/companies/${id}`)).status).toBe(404);
  });

  it("moves a deal through its pipeline's stages and refuses a stage of another pipeline", async () => {
    const [wholesale, gifts] = await emu.ok('GET', '/crm/pipeline/details/all');
    const stage = (name: string) => wholesale.stages.find((s: Json) => s.name === name).id;
    const { id } = await emu.ok('POST', '/crm/deals', {
      name: 'Atelier Nord – spring stock',
      attributes: { amount: 2400, close_date: '2025-06-30' },
      linkedContactsIds: [7],
    });
    const created = await emu.ok('GET', `/crm/deals/${id}`);
    expect(created.attributes).toMatchObject({
      deal_name: 'Atelier Nord – spring stock',
      amount: 2400,
      pipeline: wholesale.pipeline,
      deal_stage: stage('New lead'),
      deal_owner: 'owner@demoshop.example',
    });
    for (const name of ['Qualified', 'Proposal sent', 'Negotiation', 'Won']) {
      expect((await emu.request('PATCH', `/crm/deals/${id}`, { attributes: { deal_stage: stage(name) } })).status).toBe(
        204,
      );
      expect((await emu.ok('GET', `/crm/deals/${id}`)).attributes.deal_stage).toBe(stage(name));
    }
    expect(
      await emu.request('PATCH', `/crm/deals/${id}`, { attributes: { deal_stage: gifts.stages[0].id } }),
    ).toMatchObject({
      status: 400,
      json: { code: 'invalid_parameter', message: expect.stringMatching(/is not a stage of pipeline "Wholesale"/) },
    });
    // Moving it to the other pipeline puts it in that pipeline's first stage.
    expect((await emu.request('PATCH', `/crm/deals/${id}`, { attributes: { pipeline: gifts.pipeline } })).status).toBe(
      204,
    );
    expect((await emu.ok('GET', `/crm/deals/${id}`)).attributes).toMatchObject({
      pipeline: gifts.pipeline,
      deal_stage: gifts.stages[0].id,
    });
    const won = await emu.ok(
      'GET',
      `/crm/deals?filters%5Battributes.deal_name%5D=${encodeURIComponent('atelier nord')}`,
    );
    expect(won.items.map((d: Json) => d.id)).toEqual([id]);
    expect(
      (await emu.request('PATCH', `/crm/deals/link-unlink/${id}`, { linkContactIds: [8], unlinkContactIds: [7] }))
        .status,
    ).toBe(204);
    expect((await emu.ok('GET', `/crm/deals?filters%5BlinkedContactsIds%5D=8`)).items.map((d: Json) => d.id)).toContain(
      id,
    );
    expect(await emu.request('POST', '/crm/deals', { name: 'Ghost', linkedContactsIds: [999] })).toMatchObject({
      status: 400,
      json: { message: 'linkedContactsIds: contact 999 does not exist' },
    });
    expect((await emu.request('DELETE', `/crm/deals/${id}`)).status).toBe(204);
    expect(await emu.request('GET', `/crm/deals/${id}`)).toMatchObject({
      status: 404,
      json: { message: 'Deal not found' },
    });
  });

  it('attaches tasks and notes to a deal, a company and a contact, and counts them on the deal', async () => {
    const { id: dealId } = await emu.ok('POST', '/crm/deals', {
      name: 'Rossi Home – reorder',
      attributes: { amount: 1800 },
    });
    const [call] = await emu.ok('GET', '/crm/tasktypes');
    expect(call).toEqual({ id: expect.any(String), title: 'Call' });
    const due = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const { id: taskId } = await emu.ok('POST', '/crm/tasks', {
      name: 'Call Leo about the reorder',
      taskTypeId: call.id,
      date: due,
      dealsIds: [dealId],
      contactsIds: [6],
    });
    expect(await emu.ok('GET', `/crm/tasks/${taskId}`)).toEqual({
      id: taskId,
      taskTypeId: call.id,
      name: 'Call Leo about the reorder',
      date: due,
      contactsIds: [6],
      dealsIds: [dealId],
      companiesIds: [],
    });
    expect((await emu.ok('GET', `/crm/deals/${dealId}`)).attributes).toMatchObject({
      number_of_activities: 1,
      next_activity_date: due,
    });
    expect((await emu.ok('GET', `/crm/tasks?filter%5Bdeals%5D=${dealId}`)).items.map((t: Json) => t.id)).toEqual([
      taskId,
    ]);
    expect(
      (await emu.ok('GET', '/crm/tasks?filter%5Bcontacts%5D=6&filter%5Bstatus%5D=undone')).items.map((t: Json) => t.id),
    ).toContain(taskId);
    expect((await emu.ok('GET', '/crm/tasks?filter%5Bdate%5D=overdue')).items.length).toBeGreaterThan(0);
    expect((await emu.request('PATCH', `/crm/tasks/${taskId}`, { done: true })).status).toBe(204);
    expect((await emu.ok('GET', `/crm/tasks?filter%5Bdeals%5D=${dealId}&filter%5Bstatus%5D=done`)).items).toHaveLength(
      1,
    );
    expect(await emu.request('POST', '/crm/tasks', { name: 'x', taskTypeId: 'nope', date: due })).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/task type nope does not exist/) },
    });

    const { id: noteId } = await emu.ok('POST', '/crm/notes', {
      text: 'Leo wants the mugs in sand and olive.',
      dealIds: [dealId],
      contactIds: [6],
    });
    const note = await emu.ok('GET', `/crm/notes/${noteId}`);
    expect(note).toMatchObject({
      id: noteId,
      text: 'Leo wants the mugs in sand and olive.',
      dealIds: [dealId],
      contactIds: [6],
      authorId: { email: 'owner@demoshop.example' },
    });
    expect((await emu.ok('GET', `/crm/notes?entity=deals&entityIds=${dealId}`)).map((n: Json) => n.id)).toEqual([
      noteId,
    ]);
    expect((await emu.ok('GET', '/crm/notes?entity=contacts&entityIds=6')).map((n: Json) => n.id)).toContain(noteId);
    expect((await emu.request('PATCH', `/crm/notes/${noteId}`, { text: 'Sand only.' })).status).toBe(204);
    expect((await emu.ok('GET', `/crm/notes/${noteId}`)).text).toBe('Sand only.');
    expect((await emu.ok('GET', `/crm/deals/${dealId}`)).attributes.number_of_activities).toBe(2);

    // Deleting the deal leaves its task and note, no longer attached to it.
    expect((await emu.request('DELETE', `/crm/deals/${dealId}`)).status).toBe(204);
    expect((await emu.ok('GET', `/crm/tasks/${taskId}`)).dealsIds).toEqual([]);
    expect((await emu.ok('GET', `/crm/notes/${noteId}`)).dealIds).toEqual([]);
    for (const path of [`/crm/tasks/${taskId}`, `/crm/notes/${noteId}`]) {
      expect((await emu.request('DELETE', path)).status).toBe(204);
      expect((await emu.request('GET', path)).status).toBe(404);
    }
  });

  it('uploads a file to a deal (multipart), lists it by deal, reads its details and link, deletes it', async () => {
    const { items } = await emu.ok('GET', '/crm/deals?limit=1&sort=asc');
    const dealId = items[0].id;
    const form = new FormData();
    form.append('file', new Blob(['Quote Q-2050: 120 scarves'], { type: 'application/pdf' }), 'quote-Q-2050.pdf');
    form.append('dealId', dealId);
    const uploaded = await emu.request('POST', '/crm/files', form);
    expect(uploaded).toMatchObject({
      status: 201,
      json: {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'quote-Q-2050.pdf',
        size: 25,
        dealId,
        authorId: expect.any(String),
      },
    });
    const fileId = uploaded.json.id;
    expect((await emu.ok('GET', `/crm/files?entity=deals&entityIds=${dealId}`)).map((f: Json) => f.id)).toContain(
      fileId,
    );
    expect(await emu.ok('GET', `/crm/files/${fileId}/data`)).toEqual(uploaded.json);
    expect((await emu.ok('GET', `/crm/files/${fileId}`)).fileUrl).toMatch(/^https:\/\/.+quote-Q-2050\.pdf/);
    const unknownDeal = new FormData();
    unknownDeal.append('file', new Blob(['x']), 'x.txt');
    unknownDeal.append('dealId', '65f1d00000000000000000ff');
    expect((await emu.request('POST', '/crm/files', unknownDeal)).status).toBe(404);
    expect((await emu.request('DELETE', `/crm/files/${fileId}`)).status).toBe(204);
    expect((await emu.request('GET', `/crm/files/${fileId}/data`)).status).toBe(404);
  });

  it('imports companies and deals from CSV, and forgets a deleted contact everywhere', async () => {
    const csv = new FormData();
    csv.append(
      'file',
      new Blob([
        'name,domain,number_of_employees\n"Blue Door, Ltd",bluedoor.example,12\nSeaside Gifts,seaside.example,4\n',
      ]),
      'companies.csv',
    );
    csv.append('mapping', JSON.stringify({ link_entities: true }));
    expect(await emu.request('POST', '/companies/import', csv)).toMatchObject({
      status: 200,
      json: { processId: expect.any(Number) },
    });
    const imported = await emu.ok('GET', `/companies?filters=${encodeURIComponent('{"attributes.name":"Blue Door"}')}`);
    expect(imported.items[0].attributes).toMatchObject({
      name: 'Blue Door, Ltd',
      domain: 'bluedoor.example',
      number_of_employees: 12,
    });
    const deals = new FormData();
    deals.append('file', new Blob(['deal_name,amount\nBlue Door – opening order,3100\n']), 'deals.csv');
    expect((await emu.request('POST', '/crm/deals/import', deals)).status).toBe(200);
    expect(
      (await emu.ok('GET', `/crm/deals?filters%5Battributes.deal_name%5D=${encodeURIComponent('Blue Door')}`)).items[0]
        .attributes.amount,
    ).toBe(3100);

    const { id: contactId } = await emu.ok('POST', '/contacts', { email: 'buyer@bluedoor.example' });
    const companyId = imported.items[0].id;
    await emu.ok('PATCH', `/companies/link-unlink/${companyId}`, { linkContactIds: [contactId] });
    expect((await emu.request('DELETE', `/contacts/${contactId}`)).status).toBe(204);
    expect((await emu.ok('GET', `/companies/${companyId}`)).linkedContactsIds).toEqual([]);
  });
});
