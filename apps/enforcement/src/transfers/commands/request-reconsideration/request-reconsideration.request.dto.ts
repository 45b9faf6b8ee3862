/** The body of this act: the shared ReasonsRequest (../reasons.dto.ts). */
export { ReasonsRequest as RequestReconsiderationRequest } from '../reasons.dto';
