// Code-mode script (run it with `execute`): stock a coupon collection with unique codes, then run
// a points program: a balance, a member, a credit, and the member's balance read back.
// Writes: create_coupon_collection, create_coupons, create_loyalty_program,
// create_balance_definition, subscribe_to_loyalty_program, begin_transaction.
const COLLECTION = 'WINTER10';
const CODES = ['WINTER10-7QK2', 'WINTER10-M8ZD', 'WINTER10-P3XA'];
const PROGRAM = 'Winter points club';
const CONTACT_EMAIL = 'emma.martin@example.com';

const { id: collectionId } = await brevo.create_coupon_collection({
  name: COLLECTION,
  defaultCoupon: 'WINTER10',
  remainingCouponsAlert: 100,
});
await brevo.create_coupons({ collectionId, coupons: CODES });
const collection = await brevo.get_coupon_collection({ id: collectionId });

// Program names are unique: reuse the program if it exists.
const { items: programs = [] } = await brevo.get_loyalty_programs({});
const program =
  programs.find((p) => p.name === PROGRAM) ??
  (await brevo.create_loyalty_program({ name: PROGRAM, description: 'Points on every winter order' }));
const pid = program.id;
const balance = await brevo.create_balance_definition({
  pid,
  name: 'Points',
  unit: 'POINTS',
  balanceOptionCreditRounding: 'lower',
});
const contact = await brevo.get_contact_info({ identifier: CONTACT_EMAIL });
await brevo.subscribe_to_loyalty_program({ pid, contactId: contact.id });
// A positive amount credits; autoComplete applies it at once instead of leaving it pending.
const credit = await brevo.begin_transaction({
  pid,
  contactId: contact.id,
  balanceDefinitionId: balance.id,
  amount: 120,
  autoComplete: true,
});
const { balances = [] } = await brevo.get_contact_balances({ pid });
return {
  coupons: {
    collectionId,
    name: collection.name,
    total: collection.totalCoupons,
    remaining: collection.remainingCoupons,
  },
  loyalty: {
    pid,
    state: program.state,
    balanceDefinitionId: balance.id,
    contactId: contact.id,
    transaction: credit.id,
    status: credit.status,
    balances,
  },
};
