// The state of the processes (imports and exports), the transactional blocklist and inbound
// email: what processes-api.ts, blocklist-api.ts and inbound-api.ts change and read.

export type ProcessName = 'IMPORTUSER' | 'SEARCH_EXPORT_USERS_API' | 'CAMPAIGN_USER_DETAILS' | 'EXPORT_WEBHOOK';

/** A background process as Brevo lists it. The sandbox runs each at once: it is completed when listed. */
export interface Process {
  id: number;
  name: ProcessName;
  status: 'queued' | 'in_process' | 'completed';
  createdAt: string;
  /** The file an export wrote. */
  exportUrl?: string;
  /** An import's reports of the rows it could not take, by Brevo's names (invalid_emails, duplicate_email_id...). */
  importReports?: Record<string, string>;
}

/** A domain whose addresses transactional emails are not sent to. */
export interface BlockedDomain {
  domain: string;
  blockedAt: string;
}

/** One attachment of an inbound email, downloadable by its token. */
export interface InboundAttachment {
  name: string;
  contentType: string;
  contentId: string;
  data: Buffer;
  downloadToken: string;
}

/** One email received on the account's inbound domain and handed to its webhook. */
export interface InboundEmail {
  uuid: string;
  receivedAt: string;
  deliveredAt: string;
  sender: string;
  recipient: string;
  messageId: string;
  subject: string;
  attachments: InboundAttachment[];
  logs: { date: string; type: 'received' | 'processed' | 'webhookFailed' | 'webhookDelivered' }[];
}
