import { SRC, type Source } from './sources.ts';

/** A cloud machine you can rent by the hour (AWS us-east-1, on-demand, Linux). */
export interface CloudInstance {
  name: string;
  vcpus: number;
  memoryGiB: number;
  /** Accelerator id from hardware.ts and how many the machine has; absent for CPU-only machines. */
  accelerator?: { hardware: string; count: number };
  hourlyUsd: number;
  source: Source;
}

export const HOURS_PER_MONTH = 730;

const aws = SRC.skypilotAws;
const unverifiedPrice: Source = { label: 'AWS on-demand price from memory (not in the SkyPilot catalog rows that were read): unverified', verified: false };
const linearC6i: Source = { label: 'Derived: c6i prices scale linearly with vCPUs in the SkyPilot catalog ($0.0425 per vCPU-hour)', verified: true };

export const INSTANCES: readonly CloudInstance[] = [
  { name: 'g4dn.xlarge', vcpus: 4, memoryGiB: 16, accelerator: { hardware: 'T4', count: 1 }, hourlyUsd: 0.526, source: aws },
  { name: 'g5g.xlarge', vcpus: 4, memoryGiB: 8, accelerator: { hardware: 'T4', count: 1 }, hourlyUsd: 0.42, source: aws },
  { name: 'g5.xlarge', vcpus: 4, memoryGiB: 16, accelerator: { hardware: 'A10G', count: 1 }, hourlyUsd: 1.006, source: aws },
  { name: 'g5.12xlarge', vcpus: 48, memoryGiB: 192, accelerator: { hardware: 'A10G', count: 4 }, hourlyUsd: 5.672, source: aws },
  { name: 'g6.xlarge', vcpus: 4, memoryGiB: 16, accelerator: { hardware: 'L4', count: 1 }, hourlyUsd: 0.805, source: unverifiedPrice },
  { name: 'g6.12xlarge', vcpus: 48, memoryGiB: 192, accelerator: { hardware: 'L4', count: 4 }, hourlyUsd: 4.6016, source: aws },
  { name: 'g6.16xlarge', vcpus: 64, memoryGiB: 256, accelerator: { hardware: 'L4', count: 1 }, hourlyUsd: 3.3968, source: aws },
  { name: 'p3.2xlarge', vcpus: 8, memoryGiB: 61, accelerator: { hardware: 'V100', count: 1 }, hourlyUsd: 3.06, source: unverifiedPrice },
  { name: 'p4d.24xlarge', vcpus: 96, memoryGiB: 1152, accelerator: { hardware: 'A100-40GB', count: 8 }, hourlyUsd: 32.7726, source: aws },
  { name: 'p4de.24xlarge', vcpus: 96, memoryGiB: 1152, accelerator: { hardware: 'A100-80GB', count: 8 }, hourlyUsd: 40.96575, source: aws },
  { name: 'p5.48xlarge', vcpus: 192, memoryGiB: 2048, accelerator: { hardware: 'H100-SXM', count: 8 }, hourlyUsd: 98.32, source: aws },
  { name: 'c6i.large', vcpus: 2, memoryGiB: 4, hourlyUsd: 0.085, source: aws },
  { name: 'c6i.xlarge', vcpus: 4, memoryGiB: 8, hourlyUsd: 0.17, source: aws },
  { name: 'c6i.2xlarge', vcpus: 8, memoryGiB: 16, hourlyUsd: 0.34, source: linearC6i },
  { name: 'c6i.4xlarge', vcpus: 16, memoryGiB: 32, hourlyUsd: 0.68, source: aws },
  { name: 'c6i.8xlarge', vcpus: 32, memoryGiB: 64, hourlyUsd: 1.36, source: aws },
  { name: 'c7i.xlarge', vcpus: 4, memoryGiB: 8, hourlyUsd: 0.1785, source: unverifiedPrice },
];

const BY_NAME = new Map(INSTANCES.map((i) => [i.name, i]));

export function getInstance(name: string): CloudInstance | undefined {
  return BY_NAME.get(name);
}

export const instanceNames = (): string[] => INSTANCES.map((i) => i.name);

/**
 * GPUs behind one replica of the offline GPU kinds, so GPU-hours can be counted for boxes that don't name a
 * hardware (their catalog price is that of this machine).
 */
export const GPU_MACHINE_BY_KIND: Readonly<Record<string, string>> = {
  'training-cluster': 'p4d.24xlarge',
  hpo: 'g4dn.xlarge',
};
