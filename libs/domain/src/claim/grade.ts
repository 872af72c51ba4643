import { DomainError, DomainErrorCode } from '../errors/domain-error.js';

/** How reliable a source has been (Admiralty code): A completely reliable … E unreliable, F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
/** How credible a claim is: 1 confirmed by other sources … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
export const CREDIBILITIES: readonly Credibility[] = [1, 2, 3, 4, 5, 6];

/** A claim's grade: what is known of its source, and of the claim itself. */
export interface Grade {
  reliability: Reliability;
  credibility: Credibility;
}

/** Nothing judged: what every party and claim has until someone grades it. */
export const UNGRADED: Grade = { reliability: 'F', credibility: 6 };

/** "B3": reliability A–B and credibility 1–3 at least. A grade that is not one is refused, naming the field. */
export function parseMinGrade(input: string, field = 'minGrade'): Grade {
  const match = /^([A-F])([1-6])$/.exec(input.trim().toUpperCase());
  const reliability = RELIABILITIES.find((r) => r === match?.[1]);
  const credibility = CREDIBILITIES.find((c) => c === Number(match?.[2]));
  if (!reliability || !credibility) {
    throw new DomainError(
      DomainErrorCode.InvalidGrade,
      `A grade is a source reliability A–F and a credibility 1–6, such as B3; not "${input}".`,
      field,
    );
  }
  return { reliability, credibility };
}

/** Whether a claim's grade is at least the one asked for: no less reliable a source, no less credible a claim. */
export function meetsGrade(grade: Grade, min: Grade): boolean {
  return grade.reliability <= min.reliability && grade.credibility <= min.credibility;
}

/** The weaker of grades, on each scale: what a conclusion resting on all of them is worth. */
export function weakestGrade(grades: readonly Grade[]): Grade | null {
  if (grades.length === 0) return null;
  return grades.reduce((weakest, grade) => ({
    reliability: grade.reliability > weakest.reliability ? grade.reliability : weakest.reliability,
    credibility: grade.credibility > weakest.credibility ? grade.credibility : weakest.credibility,
  }));
}

export function formatGrade(grade: Grade): string {
  return `${grade.reliability}${grade.credibility}`;
}
