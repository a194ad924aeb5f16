import { getDb } from '../storage/db.ts';
import { DesignsRepo } from '../storage/designsRepo.ts';
import { newId } from '../storage/ids.ts';
import { ProfilesRepo } from '../storage/profilesRepo.ts';
import { AttemptsRepo } from '../storage/attemptsRepo.ts';
import { DocsRepo } from '../storage/docsRepo.ts';

/** One id per open tab: saves carry it so a tab can tell its own writes from another tab's. */
export const TAB_ID = newId();

let repo: DesignsRepo | undefined;
export function designsRepo(): DesignsRepo {
  repo ??= new DesignsRepo(getDb());
  return repo;
}

let profiles: ProfilesRepo | undefined;
export function profilesRepo(): ProfilesRepo {
  profiles ??= new ProfilesRepo(getDb());
  return profiles;
}

let attempts: AttemptsRepo | undefined;
export function attemptsRepo(): AttemptsRepo {
  attempts ??= new AttemptsRepo(getDb());
  return attempts;
}

let docs: DocsRepo | undefined;
export function docsRepo(): DocsRepo {
  docs ??= new DocsRepo(getDb());
  return docs;
}
