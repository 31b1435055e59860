// Code-mode script (run it with `execute`): stock a coupon collection with unique codes, then run
// a points program: a balance, a member, a credit, and the member's balance read back.
// Writes: create_coupon_collection, create_coupons, create_loyalty_program,
// create_balance_definition, subscribe_to_loyalty_program, begin_transaction.
const COLLECTION = 'WINTER10';
const CODES = ['WINTER10-7QK2', 'WINTER10-M8ZD', 'WINTER10-P3XA'];
const CONTACT_EMAIL = 'ann.lee@example.com';

const { id: collectionId } = await brevo.create_coupon_collection({
  name: COLLECTION,
  defaultCoupon: 'WINTER10',
  remainingCouponsAlert: 100,
});
await brevo.create_coupons({ collectionId, coupons: CODES });
const collection = await brevo.get_coupon_collection({ id: collectionId });

const program = await brevo.create_loyalty_program({ name: 'Demo Shop rewards', description: 'Points on every order' });
const pid = program.id;
const balance = await brevo.create_balance_definition({ pid, name: 'Points', unit: 'POINTS', balanceOptionCreditRounding: 'lower' });
const contact = await brevo.get_contact_info({ identifier: CONTACT_EMAIL });
await brevo.subscribe_to_loyalty_program({ pid, contactId: contact.id });
const credit = await brevo.begin_transaction({ pid, contactId: contact.id, balanceDefinitionId: balance.id, amount: 120, autoComplete: true });
return {
  coupons: { collectionId, name: collection.name, total: collection.totalCoupons, remaining: collection.remainingCoupons },
  loyalty: { pid, state: program.state, balanceDefinitionId: balance.id, contactId: contact.id, transaction: credit.id, status: credit.status },
};
