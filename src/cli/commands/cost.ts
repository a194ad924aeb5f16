import { instanceNames } from '../../domain/catalog/instances.ts';
import { instanceCost } from '../../domain/capacity/index.ts';
import { num, oneOf, parse, str } from '../args.ts';
import type { Command } from '../command.ts';
import { fmt, json, keyValues } from '../format.ts';

export const costCommand: Command = {
  name: 'cost',
  summary: 'Hourly and monthly price of replicas of a cloud instance',
  usage: `Usage: mlsd cost --instance NAME --replicas R [--hours 730] [--json]

  --instance   AWS instance type (us-east-1 on-demand), e.g. g4dn.xlarge, p4d.24xlarge, c6i.xlarge
  --replicas   how many (whole number ≥ 1)
  --hours      hours to price (default 730, an average month)

Example: mlsd cost --instance g5.xlarge --replicas 4`,
  run(args, io) {
    const { values } = parse(args, { instance: { type: 'string' }, replicas: { type: 'string' }, hours: { type: 'string' } });
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const instance = oneOf(str(values, 'instance', true), 'instance', instanceNames())!;
    const replicas = num(values, 'replicas', { required: true, integer: true, min: 1, max: 100_000 });
    const hours = num(values, 'hours', { min: 0, max: 1_000_000 });
    const c = instanceCost({ instance, replicas, ...(hours !== undefined ? { hours } : {}) });
    const out = { instance: c.instance.name, replicas, hours: c.hours, hourlyUsd: c.hourlyUsd, monthlyUsd: c.monthlyUsd, priceSource: c.instance.source.label };
    if (values.json) io.out(json(out));
    else {
      io.out(keyValues([
        ['instance', `${c.instance.name} × ${replicas}`],
        ['per hour', `$${fmt(c.hourlyUsd, 4)}`],
        [`per ${c.hours} h`, `$${fmt(c.monthlyUsd, 2)}`],
        ['source', `${c.instance.source.label}${c.instance.source.verified ? '' : ' (unverified)'}`],
      ]));
    }
    return 0;
  },
};
