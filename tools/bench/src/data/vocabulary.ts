import { Random } from './random';

/**
 * A domain vocabulary (about 300 nouns plus adjectives, verbs and settings) so titles and bodies read like an
 * innovation marketplace and Postgres full-text search (english configuration) has real words to index: none of
 * these is an English stop word, so each one survives to_tsvector.
 */
export const NOUNS = [
  'water', 'battery', 'polymer', 'logo', 'packaging', 'sensor', 'membrane', 'filter', 'catalyst', 'coating',
  'adhesive', 'enzyme', 'algorithm', 'drone', 'robot', 'turbine', 'panel', 'hydrogen', 'fuel', 'electrode',
  'anode', 'cathode', 'electrolyte', 'graphene', 'ceramic', 'alloy', 'composite', 'fiber', 'textile', 'fabric',
  'dye', 'pigment', 'ink', 'paper', 'cardboard', 'bottle', 'container', 'label', 'brand', 'mascot',
  'typeface', 'icon', 'website', 'interface', 'dashboard', 'wearable', 'implant', 'prosthetic', 'vaccine', 'diagnostic',
  'assay', 'biomarker', 'antibody', 'microbe', 'bacteria', 'yeast', 'fermentation', 'crop', 'seed', 'soil',
  'fertilizer', 'irrigation', 'greenhouse', 'livestock', 'aquaculture', 'fishery', 'ocean', 'river', 'wetland', 'forest',
  'timber', 'bamboo', 'concrete', 'cement', 'brick', 'insulation', 'roof', 'window', 'glass', 'lens',
  'laser', 'optics', 'camera', 'imaging', 'radar', 'lidar', 'satellite', 'antenna', 'network', 'protocol',
  'encryption', 'ledger', 'dataset', 'classifier', 'forecast', 'simulation', 'pipeline', 'valve', 'pump', 'compressor',
  'engine', 'motor', 'gearbox', 'bearing', 'lubricant', 'plastic', 'resin', 'foam', 'rubber', 'tire',
  'vehicle', 'bicycle', 'scooter', 'truck', 'railway', 'shipping', 'logistics', 'warehouse', 'inventory', 'recycling',
  'waste', 'compost', 'biogas', 'methane', 'carbon', 'emission', 'smog', 'dust', 'noise', 'vibration',
  'heat', 'cooling', 'refrigeration', 'freezer', 'pantry', 'kitchen', 'stove', 'cookstove', 'charcoal', 'lantern',
  'lighting', 'microgrid', 'inverter', 'charger', 'capacitor', 'transistor', 'semiconductor', 'wafer', 'circuit', 'firmware',
  'gripper', 'actuator', 'spring', 'hinge', 'fastener', 'weld', 'casting', 'forging', 'extrusion', 'molding',
  'tooling', 'calibration', 'metrology', 'gauge', 'thermometer', 'humidity', 'pressure', 'leak', 'corrosion', 'desalination',
  'purification', 'chlorine', 'ozone', 'ultraviolet', 'arsenic', 'fluoride', 'nitrate', 'phosphate', 'salinity', 'drought',
  'flood', 'wildfire', 'earthquake', 'shelter', 'tent', 'mattress', 'helmet', 'glove', 'mask', 'respirator',
  'ventilator', 'syringe', 'bandage', 'wound', 'clinic', 'hospital', 'pharmacy', 'medicine', 'capsule', 'dosage',
  'nutrition', 'vitamin', 'snack', 'beverage', 'coffee', 'cocoa', 'dairy', 'cheese', 'yogurt', 'insect',
  'flour', 'bread', 'rice', 'wheat', 'maize', 'cassava', 'potato', 'tomato', 'fruit', 'vegetable',
  'spoilage', 'freshness', 'odor', 'flavor', 'aroma', 'sweetener', 'sugar', 'salt', 'soap', 'detergent',
  'shampoo', 'cosmetic', 'fragrance', 'sunscreen', 'diaper', 'toothbrush', 'toothpaste', 'razor', 'wheelchair', 'hearing',
  'braille', 'accessibility', 'classroom', 'curriculum', 'library', 'museum', 'archive', 'tourism', 'hotel', 'stadium',
  'festival', 'poster', 'brochure', 'mural', 'sculpture', 'furniture', 'chair', 'desk', 'lamp', 'shoe',
  'jacket', 'backpack', 'umbrella', 'jewelry', 'magnet', 'turbocharger', 'heatsink', 'thermostat', 'boiler', 'chimney',
  'solvent', 'lignin', 'cellulose', 'starch', 'chitosan', 'silica', 'zeolite', 'perovskite', 'lithium', 'sodium',
];

export const ADJECTIVES = [
  'affordable', 'durable', 'biodegradable', 'recyclable', 'compostable', 'lightweight', 'portable', 'modular', 'scalable',
  'efficient', 'sustainable', 'renewable', 'robust', 'compact', 'flexible', 'transparent', 'waterproof', 'fireproof',
  'antimicrobial', 'autonomous', 'smart', 'wireless', 'reusable', 'circular', 'frugal', 'rugged', 'quiet', 'rapid',
  'precise', 'safe', 'inclusive', 'accessible', 'minimalist', 'bold', 'playful', 'elegant', 'novel', 'resilient',
];

export const VERBS = [
  'reduce', 'improve', 'detect', 'measure', 'monitor', 'predict', 'recycle', 'purify', 'store', 'convert', 'harvest',
  'deliver', 'redesign', 'replace', 'prevent', 'extend', 'lower', 'increase', 'accelerate', 'simplify', 'automate',
  'optimize', 'stabilize', 'protect',
];

export const SETTINGS = [
  'rural', 'urban', 'coastal', 'arctic', 'tropical', 'remote', 'offshore', 'underground', 'household', 'industrial',
  'agricultural', 'municipal', 'clinical', 'humanitarian', 'community',
];

export const FIRST_NAMES = [
  'Ada', 'Amara', 'Aiko', 'Bruno', 'Chen', 'Dara', 'Elena', 'Emeka', 'Farah', 'Gustavo', 'Hana', 'Ibrahim', 'Ines',
  'Jonas', 'Kofi', 'Lena', 'Lucia', 'Mateo', 'Mei', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sanjay', 'Sofia',
  'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zane', 'Aditi', 'Björn', 'Chiara', 'Diego', 'Esther', 'Felix', 'Grace',
  'Hugo', 'Ivan', 'Julia', 'Kenji', 'Layla', 'Marco', 'Noor', 'Olga', 'Pedro', 'Rina', 'Samuel',
];

export const LAST_NAMES = [
  'Adeyemi', 'Almeida', 'Bauer', 'Chowdhury', 'Costa', 'Dubois', 'Eriksen', 'Fernández', 'García', 'Haddad', 'Ito',
  'Jansen', 'Kim', 'Kowalski', 'Larsen', 'Li', 'Mensah', 'Müller', 'Nakamura', 'Novak', 'Okafor', 'Patel', 'Quispe',
  'Rossi', 'Sato', 'Schmidt', 'Silva', 'Tanaka', 'Usman', 'Varga', 'Wang', 'Xu', 'Yilmaz', 'Zhang', 'Moreau',
  'Nguyen', 'Olsen', 'Petrov', 'Reyes', 'Santos',
];

export const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'NG', 'KE', 'JP', 'CN', 'CA', 'ES', 'IT', 'NL', 'SE', 'PL', 'MX', 'ZA', 'AU', 'KR'];

const ORGANIZATION_SUFFIXES = ['Labs', 'Foundation', 'Industries', 'Collective', 'Institute', 'Works', 'Group', 'Ventures', 'Cooperative', 'Systems'];

export const PRIZE_LABELS = ['First prize', 'Second prize', 'Third prize', 'Fourth prize', 'Fifth prize'];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "a" or "an" before a word (by its first letter: good enough for this vocabulary). */
function article(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** The nouns of a challenge title, kept so the search terms are words that really occur. */
export interface GeneratedTitle {
  title: string;
  nouns: string[];
}

export function challengeTitle(rng: Random): GeneratedTitle {
  const a = rng.pick(NOUNS);
  const b = rng.pick(NOUNS);
  const c = rng.pick(NOUNS);
  const adjective = rng.pick(ADJECTIVES);
  const setting = rng.pick(SETTINGS);
  switch (rng.int(0, 3)) {
    case 0:
      return { title: `${capitalize(adjective)} ${a} ${b} for ${setting} ${c}`, nouns: [a, b, c] };
    case 1:
      return { title: `${capitalize(rng.pick(VERBS))} ${a} ${b} in ${setting} ${c}`, nouns: [a, b, c] };
    case 2:
      return { title: capitalize(`${article(adjective)} ${a} for ${b} ${c}`), nouns: [a, b, c] };
    default:
      return { title: `New ${a} design for ${adjective} ${b}`, nouns: [a, b] };
  }
}

export function organizationName(rng: Random): string {
  return `${capitalize(rng.pick(NOUNS))} ${capitalize(rng.pick(NOUNS))} ${rng.pick(ORGANIZATION_SUFFIXES)}`;
}

export function personName(rng: Random): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** One sentence of a solver's or sponsor's prose. No tab, newline or backslash (COPY text needs no escaping). */
export function sentence(rng: Random): string {
  const n = () => rng.pick(NOUNS);
  const adj = () => rng.pick(ADJECTIVES);
  const verb = () => rng.pick(VERBS);
  const setting = () => rng.pick(SETTINGS);
  switch (rng.int(0, 11)) {
    case 0:
      return `Our approach uses ${article(adj())} ${n()} to ${verb()} ${n()} ${n()} in ${setting()} settings.`;
    case 1:
      return `We tested a prototype ${n()} with ${rng.int(3, 400)} ${n()} samples and saw a ${rng.int(2, 60)}% gain in ${n()} performance.`;
    case 2:
      return `The design combines ${n()} and ${n()} so that the ${n()} stays ${adj()} under ${n()} stress.`;
    case 3:
      return `Cost per unit falls below ${rng.int(1, 90)} dollars when the ${n()} is made by ${n()} ${n()}.`;
    case 4:
      return `A second iteration would ${verb()} the ${n()} ${n()} and ${verb()} ${n()} losses.`;
    case 5:
      return `Field trials in ${setting()} ${n()} networks showed the ${n()} can ${verb()} ${n()} reliably.`;
    case 6:
      return `Key risks are ${n()} ${n()}, ${n()} supply and long-term ${n()} ${n()}.`;
    case 7:
      return `The attached sketches show how the ${n()} attaches to the existing ${n()} without extra ${n()}.`;
    case 8:
      return `Compared with a conventional ${n()}, this ${adj()} ${n()} needs ${rng.int(10, 80)}% less ${n()}.`;
    case 9:
      return `Maintenance is limited to cleaning the ${n()} and replacing the ${n()} every ${rng.int(2, 36)} months.`;
    case 10:
      return `Local ${n()} workshops can build the ${n()} with common ${n()} tools.`;
    default:
      return `The ${adj()} ${n()} keeps ${n()} ${n()} within ${rng.int(1, 15)}% of its target in ${setting()} use.`;
  }
}

/**
 * A pool of pre-built sentences: bodies for a million submissions are assembled from it (a few picks each) rather
 * than word by word, which keeps the generator well ahead of Postgres while still giving varied, searchable text.
 */
export class SentencePool {
  private readonly sentences: string[];

  constructor(seed: number, size = 8192) {
    const rng = new Random(seed);
    this.sentences = Array.from({ length: size }, () => sentence(rng));
  }

  /**
   * Paragraphs of whole sentences, between `min` and `max` characters, separated by blank lines. `newline` is how a
   * line break is written: '\n', or '\\n' to get text already escaped for COPY's text format (regex-escaping a
   * million freshly concatenated bodies costs more than generating them).
   */
  text(rng: Random, min: number, max: number, newline = '\n'): string {
    const target = rng.int(min, max);
    const paragraphBreak = newline + newline;
    let text = '';
    let length = 0; // in characters of the unescaped text
    let inParagraph = 0;
    for (;;) {
      const next = this.sentences[Math.floor(rng.next() * this.sentences.length)]!;
      const newParagraph = length > 0 && inParagraph >= 4 && rng.chance(0.5);
      const separatorLength = length === 0 ? 0 : newParagraph ? 2 : 1;
      if (length + separatorLength + next.length > max) {
        if (length >= min) return text;
        // Still too short: a clipped sentence rather than overshooting the maximum (clipped sentences have no breaks).
        return text + (separatorLength === 0 ? '' : ' ') + next.slice(0, max - length - 1).trimEnd();
      }
      text += length === 0 ? next : (newParagraph ? paragraphBreak : ' ') + next;
      length += separatorLength + next.length;
      inParagraph = newParagraph ? 1 : inParagraph + 1;
      if (length >= target) return text;
    }
  }
}

export function challengeSummary(rng: Random): string {
  const n = () => rng.pick(NOUNS);
  return `Seeking ${article(rng.pick(ADJECTIVES))} ${n()} that can ${rng.pick(VERBS)} ${n()} ${n()} for ${rng.pick(SETTINGS)} ${n()}. ${sentence(rng)}`;
}

/** `newline` as in SentencePool.text. */
export function challengeDescription(rng: Random, pool: SentencePool, newline = '\n'): string {
  const n = () => rng.pick(NOUNS);
  const requirements = [
    `Solutions must ${rng.pick(VERBS)} ${n()} ${n()} by at least ${rng.int(10, 70)}% compared with current ${n()} practice.`,
    `Submissions should explain the ${n()} ${n()}, the expected unit cost and how the ${n()} would be manufactured.`,
    `Proposals are judged on feasibility, ${n()} impact, cost and the clarity of the ${n()} plan.`,
  ].join(' ');
  const blank = newline + newline;
  return `${pool.text(rng, 400, 900, newline)}${blank}${requirements}${blank}${pool.text(rng, 300, 900, newline)}`;
}

export function submissionTitle(rng: Random): string {
  const n = () => rng.pick(NOUNS);
  switch (rng.int(0, 3)) {
    case 0:
      return `${capitalize(rng.pick(ADJECTIVES))} ${n()} with ${n()} ${n()}`;
    case 1:
      return `${capitalize(n())} ${n()} concept`;
    case 2:
      return `Proposal: ${rng.pick(ADJECTIVES)} ${n()} for ${rng.pick(SETTINGS)} ${n()}`;
    default:
      return `${capitalize(rng.pick(VERBS))} the ${n()} ${n()}`;
  }
}
