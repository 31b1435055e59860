// The CRM state of the demo account: pipelines and their stages, companies, deals, tasks, notes
// and files, with the links between them (and to contacts) kept on both sides. Ids are 24-digit
// hex strings like Brevo's. Views give Brevo's answer shapes, with counters derived from links.
import { omitUndefined } from './http.js';

export interface Stage {
  id: string;
  name: string;
}

export interface Pipeline {
  id: string;
  name: string;
  stages: Stage[];
}

export interface Company {
  id: string;
  attributes: Record<string, unknown>;
  contactIds: number[];
  dealIds: string[];
  createdAt: string;
  modifiedAt: string;
}

export interface Deal {
  id: string;
  attributes: Record<string, unknown>;
  contactIds: number[];
  companyIds: string[];
  createdAt: string;
  modifiedAt: string;
  stageUpdatedAt: string;
}

export interface Task {
  id: string;
  taskTypeId: string;
  name: string;
  date: string;
  duration?: number;
  notes?: string;
  done: boolean;
  assignToId?: string;
  reminder?: { value: number; unit: string; types: string[] };
  contactIds: number[];
  dealIds: string[];
  companyIds: string[];
  createdAt: string;
}

export interface Note {
  id: string;
  text: string;
  contactIds: number[];
  dealIds: string[];
  companyIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CrmFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
  contactId?: number;
  dealId?: string;
  companyId?: string;
  createdAt: string;
}

export interface CrmAttribute {
  internalName: string;
  label: string;
  attributeTypeName: string;
  attributeOptions: { key: string; value: string }[];
  isRequired: boolean;
}

/** The account's user who owns deals and writes notes (Camille Laurent). */
export const OWNER_ID = '65e0c1a2b3c4d5e6f7a80001';

export class CrmState {
  readonly pipelines: Pipeline[] = [];
  readonly companies = new Map<string, Company>();
  readonly deals = new Map<string, Deal>();
  readonly tasks = new Map<string, Task>();
  readonly notes = new Map<string, Note>();
  readonly files = new Map<string, CrmFile>();
  readonly taskTypes: { id: string; title: string }[] = [];
  readonly attributes: { deals: CrmAttribute[]; companies: CrmAttribute[] } = { deals: [], companies: [] };

  /** A deleted contact leaves the companies, deals, tasks, notes and files it was linked to. */
  forgetContact(id: number): void {
    for (const item of [
      ...this.companies.values(),
      ...this.deals.values(),
      ...this.tasks.values(),
      ...this.notes.values(),
    ]) {
      item.contactIds = item.contactIds.filter((c) => c !== id);
    }
    for (const f of this.files.values()) if (f.contactId === id) delete f.contactId;
  }

  /** Activities (tasks and notes) linked to a deal or a company. */
  activities(kind: 'deal' | 'company', id: string): (Task | Note)[] {
    const key = kind === 'deal' ? 'dealIds' : 'companyIds';
    return [...this.tasks.values(), ...this.notes.values()].filter((a) => a[key].includes(id));
  }

  companyView(c: Company) {
    const activities = this.activities('company', c.id);
    return {
      id: c.id,
      attributes: {
        ...c.attributes,
        created_at: c.createdAt,
        last_updated_at: c.modifiedAt,
        number_of_contacts: c.contactIds.length,
        number_of_activities: activities.length,
      },
      linkedContactsIds: [...c.contactIds],
      linkedDealsIds: [...c.dealIds],
    };
  }

  /** A deal with its derived counters; `now` (ISO) splits past activities from upcoming ones. */
  dealView(d: Deal, now: string) {
    const activities = this.activities('deal', d.id);
    const dates = (items: (Task | Note)[]) => items.map((a) => ('date' in a ? a.date : a.createdAt)).sort();
    const past = dates(activities.filter((a) => !('date' in a) || a.done || a.date <= now));
    const upcoming = dates(activities.filter((a) => 'date' in a && !a.done && a.date > now));
    return {
      id: d.id,
      attributes: {
        ...d.attributes,
        stage_updated_at: d.stageUpdatedAt,
        created_at: d.createdAt,
        last_updated_date: d.modifiedAt,
        number_of_contacts: d.contactIds.length,
        number_of_activities: activities.length,
        last_activity_date: past.at(-1) ?? null,
        next_activity_date: upcoming[0] ?? null,
      },
      linkedContactsIds: [...d.contactIds],
      linkedCompaniesIds: [...d.companyIds],
    };
  }

  taskView(t: Task) {
    return {
      id: t.id,
      taskTypeId: t.taskTypeId,
      name: t.name,
      date: t.date,
      contactsIds: [...t.contactIds],
      dealsIds: [...t.dealIds],
      companiesIds: [...t.companyIds],
    };
  }

  noteView(n: Note, author: { email: string; name: string }) {
    return {
      id: n.id,
      text: n.text,
      contactIds: [...n.contactIds],
      dealIds: [...n.dealIds],
      // The definition's note leaves companyIds out although notes take them: shown when set.
      ...(n.companyIds.length ? { companyIds: [...n.companyIds] } : {}),
      authorId: {
        id: OWNER_ID,
        email: author.email,
        name: { fullName: author.name },
        locale: 'fr_FR',
        timezone: 'Europe/Paris',
      },
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    };
  }

  fileView(f: CrmFile) {
    return {
      // The definition's file data has no id, which download, details and delete need: given.
      id: f.id,
      name: f.name,
      authorId: OWNER_ID,
      ...omitUndefined({ contactId: f.contactId, dealId: f.dealId, companyId: f.companyId }),
      size: f.size,
      createdAt: f.createdAt,
    };
  }

  pipelineView(p: Pipeline) {
    return { pipeline: p.id, pipeline_name: p.name, stages: p.stages.map((s) => ({ ...s })) };
  }
}

/** A Brevo-like object id: 24 hex digits, distinct per kind and number. */
export function objectId(
  kind: 'company' | 'deal' | 'task' | 'note' | 'file' | 'pipeline' | 'tasktype' | 'attribute',
  n: number,
): string {
  const code = {
    company: 'c0',
    deal: 'd0',
    task: 'a0',
    note: 'e0',
    file: 'f0',
    pipeline: 'b0',
    tasktype: '70',
    attribute: '80',
  }[kind];
  return `65f1${code}${n.toString(16).padStart(18, '0')}`;
}
