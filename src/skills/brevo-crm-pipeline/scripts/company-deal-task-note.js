// Code-mode script (run it with `execute`): put a company and its deal in the first stage of a
// pipeline, plan the next step as a task and record the context as a note, then read it all back.
// Writes: create_company, create_deal, create_task, create_note.
const COMPANY = 'Northwind Traders';
const DEAL = 'Northwind: 200 seats';
const AMOUNT = 24000;

const pipelines = await brevo.get_pipelines({});
const pipeline = pipelines[0];
const stage = pipeline.stages[0];

const { id: companyId } = await brevo.create_company({ name: COMPANY, attributes: { domain: 'northwind.example' } });
const { id: dealId } = await brevo.create_deal({
  name: DEAL,
  attributes: { pipeline: pipeline.pipeline, deal_stage: stage.id, amount: AMOUNT },
  linkedCompaniesIds: [companyId],
});

const types = await brevo.get_task_types({});
const call = types.find((t) => /call/i.test(t.title)) ?? types[0];
const due = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
const { id: taskId } = await brevo.create_task({
  name: `Call ${COMPANY} about the quote`,
  taskTypeId: call.id,
  date: due,
  dealsIds: [dealId],
  companiesIds: [companyId],
});
const { id: noteId } = await brevo.create_note({
  text: 'Asked for a quote for 200 seats; decision expected within a month.',
  dealIds: [dealId],
  companyIds: [companyId],
});

const deal = await brevo.get_deal({ id: dealId });
const tasks = await brevo.get_tasks({ filter_deals: dealId, filter_status: 'undone' });
return {
  companyId,
  dealId,
  pipeline: pipeline.pipeline_name,
  stage: stage.name,
  dealStage: deal.attributes.deal_stage,
  dealCompanies: deal.linkedCompaniesIds,
  taskId,
  openTasks: (tasks.items ?? []).map((t) => t.name),
  noteId,
};
