// Accept-Language for activities (conventions §8): `en` and `ja` are served; a blank header or one naming
// only other languages gets English; otherwise the highest-weighted supported language wins (first on a tie).
import type { Language } from '../model.ts';

const SUPPORTED: Readonly<Record<string, Language>> = { en: 'en', ja: 'ja' };

export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'en';
  let best: Language = 'en';
  let bestWeight = 0;
  for (const range of header.split(',')) {
    const [tag = '', ...params] = range.split(';').map((p) => p.trim());
    let weight = 1;
    for (const param of params) {
      const m = /^q\s*=\s*([0-9](?:\.[0-9]{0,3})?)$/i.exec(param);
      if (m) weight = Number(m[1]);
    }
    // q=0 means "not acceptable"; a language tag matches by its primary subtag (ja-JP is ja).
    const language = SUPPORTED[tag.toLowerCase().split('-')[0] ?? ''];
    if (language && weight > bestWeight && weight <= 1) {
      best = language;
      bestWeight = weight;
    }
  }
  return best;
}
