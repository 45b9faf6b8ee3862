/** The body of this act: the shared MaterialsRequest (../materials.dto.ts). */
export { MaterialsRequest as SupplementMaterialsRequest } from '../materials.dto';
