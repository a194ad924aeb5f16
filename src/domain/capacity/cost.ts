import { getInstance, HOURS_PER_MONTH, instanceNames, type CloudInstance } from '../catalog/instances.ts';
import { UnknownNameError } from './roofline.ts';

export interface InstanceCost {
  instance: CloudInstance;
  hourlyUsd: number;
  monthlyUsd: number;
  hours: number;
}

/** replicas × hourly price, and that × hours (730 h is an average month). */
export function instanceCost(input: { instance: string; replicas: number; hours?: number }): InstanceCost {
  const instance = getInstance(input.instance);
  if (!instance) throw new UnknownNameError('instance', input.instance, instanceNames());
  const hours = input.hours ?? HOURS_PER_MONTH;
  const hourlyUsd = instance.hourlyUsd * input.replicas;
  return { instance, hourlyUsd, monthlyUsd: hourlyUsd * hours, hours };
}

/** Cost of one million predictions if the design ran at this load all month. */
export function costPerMillion(monthlyUsd: number, loadRps: number): number | null {
  if (!(loadRps > 0)) return null;
  return monthlyUsd / ((loadRps * 3600 * HOURS_PER_MONTH) / 1e6);
}
