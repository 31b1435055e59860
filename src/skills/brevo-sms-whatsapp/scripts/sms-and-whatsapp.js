// Code-mode script (run it with `execute`): check an SMS against the sending rules before sending
// it, send it, read its events; then send an approved WhatsApp template and read its events.
// Writes: send_transac_sms, send_whatsapp_message. Change the constants first.
const SMS_SENDER = 'DemoShop';
const PHONE = '33612345678';
// The account's WhatsApp Business number (Brevo: Settings > WhatsApp); messages go out from it.
const WHATSAPP_NUMBER = '33639980000';
const SMS_TEXT = 'Your order A-1042 has shipped. Track it: https://track.example.com/A-1042';

// Rules: a sender of 3-11 letters/digits (or a number), content of 160 GSM characters per
// message (70 with emoji or other Unicode), and STOP instructions in any marketing message.
// The GSM 03.38 alphabet (basic set and the extension characters ^{}\[~]|€).
const gsm =
  /^[\n\r @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;
const unicode = !gsm.test(SMS_TEXT);
const perMessage = unicode ? (SMS_TEXT.length > 70 ? 67 : 70) : SMS_TEXT.length > 160 ? 153 : 160;
const parts = Math.ceil(SMS_TEXT.length / perMessage);
if (!/^[A-Za-z0-9 ]{3,11}$/.test(SMS_SENDER) && !/^\+?\d{3,15}$/.test(SMS_SENDER))
  throw new Error('SMS sender must be 3-11 letters or digits, or a phone number');

const sms = await brevo.send_transac_sms({
  sender: SMS_SENDER,
  recipient: PHONE,
  content: SMS_TEXT,
  type: 'transactional',
  tag: 'order-shipped',
  unicodeEnabled: unicode,
});
const { events: smsEvents = [] } = await brevo.get_sms_events({ phoneNumber: PHONE, days: 7, limit: 50 });
const ofThisSms = smsEvents.filter((e) => String(e.messageId) === String(sms.messageId));

// WhatsApp: only an approved template opens a conversation.
const config = await brevo.get_whatsapp_config({});
if (config.whatsappBusinessAccountStatus !== 'APPROVED')
  throw new Error('The WhatsApp Business account is not approved yet');
const { templates = [] } = await brevo.get_whatsapp_templates({ limit: 50 });
const approved = templates.find((t) => t.status === 'approved');
let whatsapp = { sent: false, reason: 'no approved template' };
if (approved) {
  const answer = await brevo.send_whatsapp_message({
    senderNumber: WHATSAPP_NUMBER,
    contactNumbers: [PHONE],
    templateId: approved.id,
  });
  const report = await brevo.get_whatsapp_event_report({ contactNumber: PHONE, days: 7, limit: 50 });
  const waEvents = (report.events ?? []).filter((e) => e.messageId === answer.messageId);
  whatsapp = {
    sent: true,
    templateId: approved.id,
    template: approved.name,
    messageId: answer.messageId,
    events: waEvents.map((e) => e.event),
  };
}
return {
  sms: { messageId: sms.messageId, parts, unicode, events: ofThisSms.map((e) => e.event) },
  whatsapp,
};
