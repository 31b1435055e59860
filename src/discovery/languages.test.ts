// Requests in other languages: each language's data read the same way, the language told per request, and what reaches
// the English reading.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../tools/manifest.js';
import { Index } from './engine.js';
import { fold, isWord, languages, parseVocabulary, tokens, wordsOf } from './languages.js';
import { detectLanguage, readLanguage, toEnglish } from './translate.js';

const index = new Index(readManifest());
const englishKnows = (index as unknown as { englishKnows: (w: string) => boolean }).englishKnows;
const english = (query: string) => readLanguage(query, englishKnows);
const first = (query: string) => index.rank(query).hits[0]?.entry.name;
const language = (code: string) => languages().find((l) => l.code === code)!;

describe('languages as data', () => {
  it('has a folder for each language Brevo speaks beside English', () => {
    expect(languages().map((l) => l.code)).toEqual(['de', 'es', 'fr', 'it', 'pt']);
  });

  it('maps every vocabulary phrase to words the English reading knows', () => {
    const unknown = languages().flatMap((l) =>
      [...new Set(l.exact.values())].flatMap((means) =>
        means
          .split(/[\s-]+/)
          .filter((word) => word && !englishKnows(word))
          .map((word) => `${l.code}: ${word}`),
      ),
    );
    expect(unknown).toEqual([]);
  });

  it('gives each phrase one meaning within a language', () => {
    const twice = languages().flatMap((l) => {
      const seen = new Map<string, string>();
      const text = readFileSync(new URL(`./lang/${l.code}/vocabulary.txt`, import.meta.url), 'utf8');
      return parseVocabulary(text).flatMap(({ says, means }) =>
        says.flatMap((phrase) => {
          const key = tokens(phrase)
            .filter(isWord)
            .flatMap((w) => wordsOf(l, w))
            .join(' ');
          const before = seen.get(key);
          seen.set(key, before ?? means);
          return before !== undefined && before !== means ? [`${l.code}: ${phrase} (${before} / ${means})`] : [];
        }),
      );
    });
    expect(twice).toEqual([]);
  });

  it('reads a vocabulary line as phrases and their English, and rejects a line without "=>" by file and line', () => {
    expect(parseVocabulary('# a comment\nsupprimer, effacer => delete\n')).toEqual([
      { says: ['supprimer', 'effacer'], means: 'delete', both: false },
    ]);
    expect(() => parseVocabulary('# a comment\nsupprimer delete', 'lang/fr/vocabulary.txt')).toThrow(
      /^lang\/fr\/vocabulary\.txt:2: .*=>/,
    );
    expect(() => parseVocabulary('supprimer <=> delete', 'lang/fr/vocabulary.txt')).toThrow(/English/);
  });

  it('folds accents and ligatures, and keeps addresses, links and quoted text as single tokens', () => {
    expect(fold('Créé Grüße Œuvre')).toBe('cree grusse oeuvre');
    expect(tokens('envoie à ana@x.fr «Soldes d’été» https://x.fr/a?b=1')).toEqual([
      'envoie',
      'à',
      'ana@x.fr',
      "«Soldes d'été»",
      'https://x.fr/a?b=1',
    ]);
  });
});

describe('telling the language of a request', () => {
  it('leaves English requests as they are', () => {
    for (const query of ['delete contact 5', 'list all contacts in list 7', 'Create a company called Müller GmbH'])
      expect(english(query)).toEqual({ text: query, language: 'en' });
  });

  it('tells each language by the words only it knows', () => {
    expect(detectLanguage('supprime le contact 42', englishKnows)?.code).toBe('fr');
    expect(detectLanguage('Lösche den Kontakt 42', englishKnows)?.code).toBe('de');
    expect(detectLanguage('borra el contacto 42', englishKnows)?.code).toBe('es');
    expect(detectLanguage('cancella il contatto 42', englishKnows)?.code).toBe('it');
    expect(detectLanguage('apague o contato 42', englishKnows)?.code).toBe('pt');
  });
});

describe('reading a request in its language', () => {
  it("splits elisions from the next word, d' and qu' included", () => {
    expect(english("supprimer le modèle d'email transactionnel 12").text).toBe(
      'delete email template transactional 12',
    );
    expect(english("qu'est-ce qu'il y avait dans l'email envoyé à luc@x.fr ?").text).toMatch(/^content of/);
    expect(first("supprimer le modèle d'email transactionnel 12")).toBe('delete_smtp_template');
  });

  it('opens contractions ("du", "zur", "nella") into the words they join', () => {
    expect(toEnglish('ajoute paul@x.fr au segment', language('fr'))).toContain('to');
    expect(toEnglish('Quanti contatti ci sono nella lista 7?', language('it'))).toContain('in list 7');
  });

  it('splits a German compound into the vocabulary words it is made of', () => {
    expect(toEnglish('Kampagnenberichte anzeigen', language('de'))).toBe('show campaign stats');
    expect(toEnglish('Newsletterempfänger exportieren', language('de'))).toBe('export newsletter recipients');
    expect(first('Zeige alle Gutscheincodes der Sammlung 3')).toBe('get_coupon_collection');
  });

  it('reads German written without umlauts ("loeschen")', () => {
    expect(toEnglish('Kontakt 42 loeschen', language('de'))).toBe('delete contact 42');
  });

  it('reads the verb that ends a German clause first', () => {
    expect(toEnglish('Kontakt 5 löschen', language('de'))).toBe('delete contact 5');
  });

  it('keeps a plural a plural, so a collection is asked for', () => {
    expect(toEnglish('affiche les campagnes', language('fr'))).toBe('show campaigns');
    expect(toEnglish('mostra le campagne', language('it'))).toBe('show campaigns');
    expect(toEnglish('webhook pour les événements transactionnels', language('fr'))).toContain('transactional');
  });

  it('tells words apart by their accents where the language does ("qué" and "que", "à" and "a")', () => {
    expect(english('¿qué listas hay en la carpeta 2?').text).toMatch(/^which lists/);
    expect(english('ajoute le contact 5 à la liste 3').text).toContain('to list 3');
  });

  it('reads a verb with a pronoun on its end without it', () => {
    expect(toEnglish('envíame una prueba', language('es'))).toMatch(/^send test/);
    expect(toEnglish('mandami una prova', language('it'))).toMatch(/^send test/);
  });

  it('drops an amount written with its currency after it', () => {
    expect(toEnglish('crée une demande de paiement de 50 €', language('fr'))).not.toContain('50');
  });

  it('finds the operation for the requests the issue names', () => {
    expect(first('Zeige alle Gutscheincodes der Sammlung 3')).toBe('get_coupon_collection');
    expect(first('crée une affaire pour Acme')).toBe('create_deal');
    expect(first('Welche Absender haben wir?')).toBe('get_senders');
    expect(first('creo un nuevo contacto para ana@ejemplo.es')).toBe('create_contact');
  });
});
