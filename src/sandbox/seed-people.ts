// Who is in the demo account: twelve named customers (the ones examples and tests use) and 36
// more made up the same way every time, with their lists, cities and phone numbers; the shop's
// name, sender and email bodies; and the seeded random numbers every seed file draws from, so
// each start gives the same account. Phone numbers are in ranges reserved for fiction
// (+33 6 39 98, +44 7700 900).

export const SHOP_DOMAIN = 'demoshop.example';
export const SHOP_SENDER = { name: 'Demo Shop', email: `hello@${SHOP_DOMAIN}`, id: 1 };

/** Dates relative to the seeding moment: ago(3, 2) is three days and two hours back. */
export type Ago = (days: number, hours?: number) => string;

export const ORDER_HTML =
  '<html><body><h1>Thank you for your order, {{params.FIRSTNAME}}!</h1><p>Order {{params.ORDER_ID}} ' +
  'is confirmed: {{params.TOTAL}} will be charged. We will email you when it ships.</p><p>Demo ' +
  'Shop</p></body></html>';
export const WELCOME_HTML =
  '<html><body><h1>Welcome to Demo Shop, {{contact.FIRSTNAME}}!</h1><p>Here is 10% off your first ' +
  'order with the code WELCOME10.</p></body></html>';

/** A repeatable sequence of numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

export interface Person {
  first: string;
  last: string;
  email: string;
  lists: number[];
  city: string;
  sms?: string;
  /** Unsubscribed from marketing email: blocklisted. */
  unsubscribed?: boolean;
}

const NAMED: Person[] = [
  {
    first: 'Emma',
    last: 'Martin',
    email: 'emma.martin@example.com',
    lists: [1, 2, 3],
    city: 'Lyon',
    sms: '33612345678',
  },
  { first: 'Lucas', last: 'Bernard', email: 'lucas.bernard@example.com', lists: [1, 3], city: 'Paris' },
  {
    first: 'Olivia',
    last: 'Smith',
    email: 'olivia.smith@example.com',
    lists: [1, 2],
    city: 'London',
    sms: '447700900123',
  },
  { first: 'Noah', last: 'Johnson', email: 'noah.johnson@example.net', lists: [1], city: 'Boston' },
  { first: 'Mia', last: 'Garcia', email: 'mia.garcia@example.org', lists: [3], city: 'Madrid' },
  { first: 'Leo', last: 'Rossi', email: 'leo.rossi@example.com', lists: [1, 3], city: 'Milan' },
  { first: 'Sofia', last: 'Müller', email: 'sofia.mueller@example.de', lists: [1, 2, 3], city: 'Berlin' },
  { first: 'Hugo', last: 'Dubois', email: 'hugo.dubois@example.fr', lists: [3], city: 'Bordeaux' },
  { first: 'Chloe', last: 'Wilson', email: 'chloe.wilson@example.com', lists: [1], city: 'Leeds' },
  // Unsubscribed through the Spring sale campaign: blocklisted, still counted in the lists.
  {
    first: 'Arthur',
    last: 'Lefebvre',
    email: 'arthur.lefebvre@example.com',
    lists: [3],
    city: 'Lille',
    unsubscribed: true,
  },
  { first: 'Ava', last: 'Brown', email: 'ava.brown@example.net', lists: [1, 3], city: 'Chicago' },
  { first: 'Jules', last: 'Moreau', email: 'jules.moreau@example.com', lists: [1], city: 'Nantes' },
];

const FIRST = [
  'Camille',
  'Louis',
  'Alice',
  'Gabriel',
  'Léa',
  'Raphaël',
  'Manon',
  'Adam',
  'Inès',
  'Nathan',
  'Zoé',
  'Ethan',
  'Lina',
  'Tom',
  'Clara',
  'Sacha',
  'Eva',
  'Théo',
  'Anna',
  'Paul',
  'Julia',
  'Max',
  'Nora',
  'Oscar',
  'Elena',
  'Samuel',
  'Isla',
  'Felix',
  'Maya',
  'Victor',
  'Lucy',
  'Daniel',
  'Rose',
  'Milo',
  'Grace',
  'Jonas',
];
const LAST = [
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Michel',
  'Garnier',
  'Faure',
  'Roux',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Taylor',
  'Evans',
  'Walker',
  'Hughes',
  'Becker',
  'Schmidt',
  'Weber',
  'Bianchi',
  'Romano',
  'Costa',
  'Silva',
  'Jensen',
  'Nielsen',
  'Novak',
  'Kowalski',
  'Horvat',
  'Meyer',
  'Keller',
];
const PLACES: [city: string, domain: string, phone: 'fr' | 'uk' | undefined][] = [
  ['Paris', 'example.fr', 'fr'],
  ['Lyon', 'example.fr', 'fr'],
  ['Marseille', 'example.com', 'fr'],
  ['Toulouse', 'example.fr', undefined],
  ['Nantes', 'example.com', 'fr'],
  ['London', 'example.co.uk', 'uk'],
  ['Manchester', 'example.com', 'uk'],
  ['Hamburg', 'example.de', undefined],
  ['Munich', 'example.de', undefined],
  ['Turin', 'example.org', undefined],
  ['Lisbon', 'example.org', undefined],
  ['Copenhagen', 'example.net', undefined],
];

/** The 36 made-up customers, ids 13 to 48. */
function generated(): Person[] {
  const next = random(2024);
  return FIRST.map((first, i) => {
    const last = LAST[(i * 7) % LAST.length]!;
    const [city, domain, phone] = PLACES[i % PLACES.length]!;
    const ascii = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    const lists = [1, ...(i % 6 === 2 ? [2] : []), ...(next() < 0.55 ? [3] : [])];
    const sms =
      phone && (i % 3 !== 1 || lists.includes(2))
        ? phone === 'fr'
          ? `336399801${String(i).padStart(2, '0')}`
          : `447700900${String(200 + i)}`
        : undefined;
    return {
      first,
      last,
      email: `${ascii(first)}.${ascii(last)}@${domain}`,
      lists,
      city,
      ...(sms ? { sms } : {}),
      ...(i === 17 || i === 29 ? { unsubscribed: true } : {}),
    };
  });
}

export const PEOPLE: Person[] = [...NAMED, ...generated()];
