// Node (import): the generated CommonJS build plus the attachment helpers.
import glue from "./nodejs/icp_validate.js";
import { attachmentHelpers } from "./attachment-file.js";

export * from "./nodejs/icp_validate.js";
export const { validateAttachment, validateAttachmentFile } = attachmentHelpers(glue);
