import { splitHighlights } from '../../api/search';

/** Text with the matched ranges in <mark>; React escapes every part. */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  return <>{splitHighlights(text, ranges).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
