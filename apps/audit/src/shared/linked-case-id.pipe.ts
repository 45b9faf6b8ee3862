import { Injectable, type PipeTransform } from '@nestjs/common';
import { assertLinkedCaseId } from './audit.errors';

/** A linked-case id path or query parameter: a UUID, else 400 AUDIT.BAD_LINKED_CASE_ID. */
@Injectable()
export class LinkedCaseIdPipe implements PipeTransform<string | undefined, string | undefined> {
  constructor(private readonly optional = false) {}

  transform(value: string | undefined): string | undefined {
    if (value === undefined && this.optional) return undefined;
    return assertLinkedCaseId(typeof value === 'string' ? value : String(value));
  }
}
