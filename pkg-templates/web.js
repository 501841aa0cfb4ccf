// "icp-validate/web" and browsers: the generated web build plus the attachment helpers.
import * as glue from "./web/icp_validate.js";
import { attachmentHelpers } from "./attachment-file.js";

export * from "./web/icp_validate.js";
export { default } from "./web/icp_validate.js";
export const { validateAttachment, validateAttachmentFile } = attachmentHelpers(glue);
