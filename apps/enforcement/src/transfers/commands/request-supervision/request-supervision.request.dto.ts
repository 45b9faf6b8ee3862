/** The body of this act: the shared ReasonsRequest (../reasons.dto.ts). */
export { ReasonsRequest as RequestSupervisionRequest } from '../reasons.dto';
