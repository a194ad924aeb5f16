/**
 * recommender: the user tower of a two-tower retrieval model. Embedding lookups (Gather on int64 ids),
 * a mean-pooled item-history embedding, concatenated with dense features, then an MLP to the user vector.
 * Memory-bound: tiny FLOPs, large tables.
 */
import { DataType } from '../../domain/onnx/types.ts';
import { arrowList, builderFor, finishModel, suiteId } from './assemble.ts';
import { dense, kaiming } from './layers.ts';
import type { BuiltModel, SuiteFamilyModule, SuiteInput, SuiteSize, SuiteSpec } from './types.ts';

export interface RecommenderConfig {
  users: number;
  items: number;
  categories: number;
  /** Embedding width of every table. */
  embed: number;
  /** Item ids of recent history per request, mean-pooled. */
  history: number;
  dense: number;
  /** MLP widths after the concat; the last is the user-vector size. */
  tower: number[];
}

export const RECOMMENDER_SIZES: Record<SuiteSize, RecommenderConfig> = {
  s: { users: 10_000, items: 10_000, categories: 100, embed: 32, history: 20, dense: 16, tower: [256, 128, 64] },
  m: { users: 50_000, items: 20_000, categories: 500, embed: 64, history: 50, dense: 32, tower: [512, 256, 128] },
  l: { users: 40_000, items: 30_000, categories: 1000, embed: 64, history: 100, dense: 64, tower: [1024, 1024, 512, 128] },
};

function spec(size: SuiteSize): SuiteSpec {
  const c = RECOMMENDER_SIZES[size];
  return {
    id: suiteId('recommender', size, 'fp32'),
    family: 'recommender',
    size,
    precision: 'fp32',
    label: `Recommender ${size.toUpperCase()} ${c.users / 1000}k users, ${c.items / 1000}k items, E=${c.embed}`,
    description: `Two-tower user tower: user, category and ${c.history}-item history embeddings (Gather, mean pool) with ${c.dense} dense features, MLP ${arrowList(c.tower)}. Memory-bound.`,
  };
}

function build(s: SuiteSpec): BuiltModel {
  const c = RECOMMENDER_SIZES[s.size];
  const g = builderFor(s);
  const inputs: SuiteInput[] = [
    { name: 'user_id', dtype: 'int64', shape: ['batch'], maxValue: c.users },
    { name: 'item_history', dtype: 'int64', shape: ['batch', c.history], maxValue: c.items },
    { name: 'category', dtype: 'int64', shape: ['batch'], maxValue: c.categories },
    { name: 'dense', dtype: 'float32', shape: ['batch', c.dense] },
  ];
  for (const i of inputs) g.input(i.name, i.dtype === 'int64' ? DataType.INT64 : DataType.FLOAT, i.shape);
  const table = (hint: string, rows: number) => g.floatTensor(hint, [rows, c.embed], g.randomFloats(rows * c.embed, 0.1));
  const user = g.gather(table('user_table', c.users), 'user_id');
  const history = g.reduceMean(g.gather(table('item_table', c.items), 'item_history'), [1], false);
  const category = g.gather(table('category_table', c.categories), 'category');
  let h = g.concat([user, history, category, 'dense'], 1);
  let width = 3 * c.embed + c.dense;
  c.tower.forEach((outF, i) => {
    h = dense(g, h, width, outF, { precision: 'fp32', weightScale: kaiming(width), biasScale: 0.05 });
    if (i < c.tower.length - 1) h = g.relu(h);
    width = outF;
  });
  g.output(h);
  return finishModel(s, g, inputs);
}

export const recommenderFamily: SuiteFamilyModule = {
  specs: () => (['s', 'm', 'l'] as const).map(spec),
  build,
};
