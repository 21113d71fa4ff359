// A strict parser of the Prometheus text exposition format 0.0.4, for the tests of `toPrometheus()`. Written here
// because the npm parsers looked at do not validate: parse-prometheus-text-format 1.1.1 (a port of prom2json)
// accepts interleaved families and duplicate series, and merges the buckets of every labelled histogram series into
// one map. This one throws on anything the format (https://prometheus.io/docs/instrumenting/exposition_formats/)
// forbids or Prometheus would reject, and on what makes a family wrong to aggregate:
// - names: metric `[a-zA-Z_:][a-zA-Z0-9_:]*`, label `[a-zA-Z_][a-zA-Z0-9_]*` (no `__` prefix); label values escape
//   only `\\`, `\"` and `\n`; a value is a Go float (`+Inf`, `-Inf`, `NaN` included); at most a timestamp after it
// - HELP and TYPE at most once per family and before its samples; a family's lines in one group (never interleaved)
// - sample names by type: counter/gauge/untyped `name`, histogram `name_bucket` (with `le`) `name_sum` `name_count`,
//   summary `name` (with `quantile`) `name_sum` `name_count`; no series twice; counters ≥ 0 and named `_total`
// - histograms: per series, `le` ascending, bucket counts non-decreasing, a `+Inf` bucket equal to `_count`, a `_sum`
// - every series of a family has the same label names (so a `sum by` over any of them counts each event once)
// - the text ends with a newline.

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Family {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string | undefined;
  readonly samples: Sample[];
}

const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const goFloat = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|Inf|NaN)$/i;
const types: readonly MetricType[] = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];

function parseValue(text: string, line: number): number {
  if (!goFloat.test(text)) throw new Error(`line ${line}: "${text}" is not a float`);
  if (/^[+-]?inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return /^[+-]?nan$/i.test(text) ? Number.NaN : Number(text);
}

/** `name{a="1",b="2"} value [timestamp]` → its parts; throws on any deviation. */
function parseSample(text: string, line: number): Sample {
  let at = 0;
  const nameMatch = /^[^\s{]+/.exec(text);
  if (!nameMatch || !metricName.test(nameMatch[0]))
    throw new Error(`line ${line}: bad metric name in ${JSON.stringify(text)}`);
  const name = nameMatch[0];
  at = name.length;
  const labels: Record<string, string> = {};
  if (text[at] === '{') {
    at += 1;
    while (text[at] !== '}') {
      const label = /^[^=\s]+/.exec(text.slice(at));
      if (!label || !labelName.test(label[0]) || label[0].startsWith('__'))
        throw new Error(`line ${line}: bad label name at ${at}`);
      at += label[0].length;
      if (text.slice(at, at + 2) !== '="') throw new Error(`line ${line}: expected =" after ${label[0]}`);
      at += 2;
      let value = '';
      for (;;) {
        const c = text[at];
        if (c === undefined) throw new Error(`line ${line}: unterminated label value`);
        at += 1;
        if (c === '"') break;
        if (c === '\\') {
          const escaped = text[at];
          at += 1;
          if (escaped === '\\') value += '\\';
          else if (escaped === '"') value += '"';
          else if (escaped === 'n') value += '\n';
          else throw new Error(`line ${line}: bad escape \\${escaped}`);
        } else value += c;
      }
      if (label[0] in labels) throw new Error(`line ${line}: label ${label[0]} twice`);
      labels[label[0]] = value;
      if (text[at] === ',') at += 1;
      else if (text[at] !== '}') throw new Error(`line ${line}: expected , or } at ${at}`);
    }
    at += 1;
  }
  const rest = text.slice(at);
  const parts = rest.trim().split(/\s+/);
  if (!/^\s/.test(rest) || parts.length < 1 || parts.length > 2 || parts[0] === '')
    throw new Error(`line ${line}: expected " value [timestamp]" in ${JSON.stringify(text)}`);
  if (parts[1] !== undefined && !/^-?\d+$/.test(parts[1])) throw new Error(`line ${line}: bad timestamp ${parts[1]}`);
  return { name, labels, value: parseValue(parts[0]!, line) };
}

/** The family a sample name belongs to, given the families announced so far. */
function familyOf(sampleName: string, current: Family | undefined): string {
  if (current) {
    const suffixes =
      current.type === 'histogram'
        ? ['_bucket', '_sum', '_count']
        : current.type === 'summary'
          ? ['', '_sum', '_count']
          : [''];
    if (current.type === 'histogram' && sampleName === current.name)
      throw new Error(`histogram ${current.name} has a sample without a suffix`);
    for (const suffix of suffixes) if (sampleName === current.name + suffix) return current.name;
  }
  return sampleName;
}

const seriesKey = (labels: Readonly<Record<string, string>>, without: string[] = []) =>
  JSON.stringify(
    Object.keys(labels)
      .filter((k) => !without.includes(k))
      .sort()
      .map((k) => [k, labels[k]]),
  );

function checkFamily(family: Family): void {
  const seen = new Set<string>();
  let labelNames: string | undefined;
  for (const sample of family.samples) {
    const key = `${sample.name}${seriesKey(sample.labels)}`;
    if (seen.has(key)) throw new Error(`${family.name}: series ${key} twice`);
    seen.add(key);
    const names = JSON.stringify(
      Object.keys(sample.labels)
        .filter((k) => k !== 'le' && k !== 'quantile')
        .sort(),
    );
    if (labelNames !== undefined && names !== labelNames)
      throw new Error(`${family.name}: series with label names ${names} and ${labelNames} mixed`);
    labelNames = names;
  }
  if (family.type === 'counter') {
    if (!family.name.endsWith('_total')) throw new Error(`counter ${family.name} is not named _total`);
    for (const sample of family.samples)
      if (!(sample.value >= 0)) throw new Error(`counter ${family.name} has ${sample.value}`);
  }
  if (family.type === 'histogram') {
    const series = new Map<string, { buckets: Array<[number, number]>; sum?: number; count?: number }>();
    for (const sample of family.samples) {
      const key = seriesKey(sample.labels, ['le']);
      const entry = series.get(key) ?? { buckets: [] };
      series.set(key, entry);
      if (sample.name.endsWith('_bucket')) {
        const le = sample.labels.le;
        if (le === undefined) throw new Error(`${family.name}: a bucket without le`);
        entry.buckets.push([parseValue(le, 0), sample.value]);
      } else if (sample.name.endsWith('_sum')) entry.sum = sample.value;
      else entry.count = sample.value;
    }
    for (const [key, { buckets, sum, count }] of series) {
      if (sum === undefined || count === undefined) throw new Error(`${family.name}${key}: _sum or _count missing`);
      for (let i = 1; i < buckets.length; i += 1) {
        if (!(buckets[i]![0] > buckets[i - 1]![0])) throw new Error(`${family.name}${key}: le not ascending`);
        if (buckets[i]![1] < buckets[i - 1]![1]) throw new Error(`${family.name}${key}: buckets not cumulative`);
      }
      const last = buckets[buckets.length - 1];
      if (!last || last[0] !== Infinity) throw new Error(`${family.name}${key}: no +Inf bucket`);
      if (last[1] !== count) throw new Error(`${family.name}${key}: +Inf bucket ${last[1]} ≠ _count ${count}`);
    }
  }
}

/** Parses `text` strictly; throws an Error naming the first problem. */
export function parsePrometheusText(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('the text does not end with a newline');
  const families = new Map<string, Family>();
  const closed = new Set<string>();
  let current: Family | undefined;
  const open = (name: string): Family => {
    if (current?.name === name) return current;
    if (current) closed.add(current.name);
    if (closed.has(name)) throw new Error(`family ${name} appears in two groups`);
    const family = families.get(name) ?? { name, type: 'untyped' as MetricType, help: undefined, samples: [] };
    families.set(name, family);
    return (current = family);
  };
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const meta = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(raw);
    if (meta) {
      const [, kind, name, rest = ''] = meta;
      if (!metricName.test(name!)) throw new Error(`line ${line}: bad metric name ${name}`);
      const family = open(name!);
      if (kind === 'HELP') {
        if (family.help !== undefined) throw new Error(`line ${line}: second HELP for ${name}`);
        if (/\\[^\\n]/.test(rest.replace(/\\\\/g, ''))) throw new Error(`line ${line}: bad escape in HELP`);
        (family as { help: string }).help = rest;
      } else {
        if (family.samples.length || (family as { typed?: boolean }).typed)
          throw new Error(`line ${line}: TYPE for ${name} after its samples or twice`);
        if (!types.includes(rest as MetricType)) throw new Error(`line ${line}: unknown type ${rest}`);
        (family as { type: MetricType; typed?: boolean }).type = rest as MetricType;
        (family as { typed?: boolean }).typed = true;
      }
      return;
    }
    if (raw.startsWith('#')) return; // a comment
    const sample = parseSample(raw, line);
    const family = open(familyOf(sample.name, current));
    if (family.type === 'histogram' && sample.name.endsWith('_bucket') && sample.labels.le === undefined)
      throw new Error(`line ${line}: bucket without le`);
    family.samples.push(sample);
  });
  for (const family of families.values()) checkFamily(family);
  return families;
}
