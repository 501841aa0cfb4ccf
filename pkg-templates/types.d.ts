// Generated from docs/api.schema.json (the Rust types) by tests/typescript.rs; do not edit.
// Regenerate with `UPDATE_DOCS=1 cargo test --test catalog --test typescript`.

/** 接入信息. */
export interface Access {
  /** The company the cloud account is registered to (for the confirmation letter). */
  account_company_name?: string;
  /** Cloud account id (AWS Account ID for `nwcd`/`sinnet`). */
  account_id?: string;
  /** The IP addresses the services are reached at. */
  ips?: string[];
}

/** APP characteristic information per platform (nwcd-app-guide-en Tenth 1). */
export interface AppPlatform {
  /** Signature MD5. */
  md5?: string;
  /**
   * The name under the icon on this platform when it differs from the service's name
   * field in the console (it must not: nwcd-app-guide-en Tenth 2.(1)).
   */
  name?: string;
  /** Package name / Bundle ID / bundle name. */
  package?: string;
  /** `android`, `ios`, `harmony`, ... */
  platform?: string;
  /** The signing certificate's public key (Base64 SubjectPublicKeyInfo or PEM). */
  public_key?: string;
}

/** An uploaded file as the attachment checker described it. */
export interface AttachmentMeta {
  /** The file's size in bytes. */
  byte_size?: number;
  /** How the pixels are stored, when the header was readable. */
  colour_mode?: ColourMode | null;
  /** Container format the checker detected. */
  format?: Format | null;
  /** Displayed height in pixels, when the header was readable. */
  height?: number | null;
  /** Attachment kind (`entity_certificate`, `person_certificate`, ...). */
  kind?: string;
  /** Whose document it is: `entity`, `entity.person_in_charge`, `services[0]`, ... */
  subject?: string;
  /** Displayed width in pixels, when the header was readable. */
  width?: number | null;
}

/** The rendered answer, identical natively and in the browser. */
export interface AttachmentResult {
  /** The file's real size (`total_size`). */
  byte_size: number;
  /** How the pixels are stored; absent when the header could not be read. */
  colour_mode: ColourMode | null;
  /** stored_width/stored_height, orientation, bit_depth, progressive, reason (corrupt files). */
  details: Record<string, Value>;
  /** Findings that make the file unacceptable, worded in the requested locale. */
  errors: Issue[];
  /** Detected from magic bytes. */
  format: Format;
  /** Displayed height, after EXIF orientation; absent when the header could not be read. */
  height: number | null;
  /** The attachment kind checked against (`entity_certificate`...). */
  kind: string;
  /** No error-severity finding. */
  valid: boolean;
  /** Findings worth a look that do not make the file unacceptable. */
  warnings: Issue[];
  /** Displayed size, after EXIF orientation; absent when the header could not be read. */
  width: number | null;
}

/** How pixels are stored, from the JPEG component count or the PNG colour type. */
export type ColourMode = "grey" | "grey_alpha" | "rgb" | "rgba" | "palette" | "cmyk";

/**
 * The context as callers pass it (a JSON object, a JS object): facts rules may need beyond
 * the value. Every key is optional, and `""` (or blanks) and `null` mean not given, as an
 * absent key does; unknown keys are ignored, so one context object can serve every field of
 * a form. A value of another type or form than described here is
 * reported as `context.invalid`.
 */
export interface Context {
  /** The entity type (主办单位性质): `enterprise`, `government`, `individual`, ... */
  entity_type?: string | null;
  /**
   * The entity holds the national-level document that allows words such as 中国 in a
   * website name.
   */
  national_document?: boolean | null;
  /** APP platform for `app_package`: `android`, `ios`, `harmony`, ... */
  platform?: string | null;
  /** Provider profile id: `nwcd`, `sinnet`, `aliyun`, `generic`. */
  provider?: string | null;
  /** The entity's province in any form, as text: `北京`, `京`, `"11"`, `Beijing`. */
  province?: string | null;
  /** `YYYY-MM-DD`; defaults to today in China Standard Time. */
  today?: string | null;
  /** Certificate type (name or field id) for the `certificate` field. */
  type?: string | null;
  [key: string]: unknown;
}

/** One line of the documents checklist. */
export interface DocumentItem {
  /** The attachment kind the document is uploaded as, when it is one (`check_attachment` checks it). */
  attachment_kind?: string;
  /** Checklist id (`entity_certificate`). */
  id: string;
  /** The document's name, in the requested locale. */
  name: string;
  /** Required, or only in some cases. */
  need: Need;
  /**
   * Whether an attachment of that kind for that subject is in `Filing.attachments`;
   * absent when the filing lists no attachments at all (nothing uploaded yet).
   */
  provided?: boolean;
  /** Why this filing needs it, in the requested locale. */
  reason: string;
  /** Stable id of the reason (`document.authorization_letter`). */
  reason_code: string;
  /** The seed section that asks for it. */
  source: string;
  /** Whose or which: `entity`, `services[0]`, `services[0].domains[1]`. */
  subject: string;
  /**
   * Where it is uploaded: to the provider, or, on NWCD's electronic route, in the WeChat
   * mini program of the verification (nwcd-website-guide-en Eleventh 2.).
   */
  upload: Upload;
}

/**
 * A service's domain: its name (`example.com`), or its name with the registrar's real-name
 * record. The name is checked at `services[i].domains[j]` either way.
 */
export type Domain = string | DomainRecord;

/**
 * What the registrar knows about a domain (its real-name record, 域名实名认证信息):
 * nwcd-website-guide-zh 五 1.(3)-(5), sinnet-guide-en materials table item 9. Empty parts
 * are not checked.
 */
export interface DomainRecord {
  /** 到期日期 of the registration (`2027-05-01`). */
  expiry_date?: string;
  /** The holder's certificate number. */
  holder_certificate_number?: string;
  /** The registrant's certificate type (`营业执照`, `居民身份证`). */
  holder_certificate_type?: string;
  /** 域名持有者: the registrant's name. */
  holder_name?: string;
  /** The domain name. */
  name?: string;
}

/** 主办单位信息 (nwcd-website-guide-en Ninth 1; sinnet-guide-en Step 2~3 form). */
export interface Entity {
  /** 证件住所: the address printed on the certificate. */
  address?: string;
  /** 主办单位证件号码. */
  certificate_number?: string;
  /** 主办单位证件类型: a field id (`business_license`) or the console's Chinese name (`营业执照`). */
  certificate_type?: string;
  /** 主办单位所在市. */
  city?: string;
  /** 投资者或上级主管单位. */
  investor?: string;
  /** 通讯地址, when different from the certificate address. */
  mailing_address?: string;
  /** 主办单位名称; for an individual, the person's name. */
  name?: string;
  /**
   * Holds the national document that allows 中国, 国家 ... in service names
   * (nwcd-website-guide-en Ninth 2.(1)).
   */
  national_document?: boolean;
  /** 主办单位负责人: the legal representative for organisations. */
  person_in_charge?: Person;
  /** 主办单位所在省, any accepted form (`北京`, `京`, `11`, `Beijing`). */
  province?: string;
  /** 主体备案号 (`京ICP备12345678号`) for every kind but a new filing. */
  record_number?: string;
  /** 主办单位性质 (JSON: `type`). */
  type?: EntityType;
}

/** 主办单位性质. */
export type EntityType = "enterprise" | "government" | "public_institution" | "social_organisation" | "private_non_enterprise" | "foundation" | "military" | "individual";

/**
 * A field the registry knows, as listed by `list_fields`, `listFields()` and
 * `icp-validate fields`.
 */
export interface FieldInfo {
  /** Every code the field's rule can return besides the shared ones (`catalog::shared_field_codes`). */
  codes: string[];
  /** As of when the generated tables behind the rules are ([`data_version`]). */
  data_version: string;
  /** The family the field belongs to (`identity`, `phone`, `domain`...). */
  family: string;
  /** The field id `validate_field` takes. */
  id: string;
  /** The field's name, in the requested locale. */
  label: string;
}

/** The answer for one field value, identical natively, in Node and in the browser. */
export interface FieldResult {
  /** Facts read from the value (birth date, province, A-label), by name. */
  details: Record<string, Value>;
  /** What must be fixed. */
  errors: Issue[];
  /** The field id asked for. */
  field: string;
  /** The canonical form to file, present only when `valid`. */
  normalized: string | null;
  /** No error-severity finding (warnings allowed). */
  valid: boolean;
  /** What is worth a look. */
  warnings: Issue[];
}

/** The whole filing application. */
export interface Filing {
  /** 接入信息: the cloud account and addresses the services are reached at. */
  access?: Access;
  /** What the attachment checker reported for each uploaded file. */
  attachments?: AttachmentMeta[];
  /** 主办单位: the entity that files. */
  entity?: Entity;
  /** What the application does. */
  kind?: FilingKind;
  /** Provider profile id (`nwcd`, `sinnet`, `aliyun`, `generic`); `Options.provider` wins. */
  provider?: string | null;
  /** Websites and APPs in this application. */
  services?: Service[];
}

/**
 * Application types as the provider consoles name them (nwcd-website-guide-en Eighth,
 * sinnet-guide-en Step 2~3: 新增备案, 新增接入, 变更, 注销).
 */
export type FilingKind = "new_filing" | "new_service" | "new_access" | "change" | "cancel";

/** Per-call options; the filing itself stays what the filer typed. */
export interface FilingOptions {
  /** `zh-CN` (default) or `en`. */
  locale?: string | null;
  /** Overrides `Filing.provider`. */
  provider?: string | null;
  /** The day dates are checked against; defaults to today in China. */
  today?: string | null;
}

/** The answer for a whole filing. */
export interface FilingReport {
  /** The documents checklist for this filing. */
  documents: DocumentItem[];
  /** What must be fixed, by path. */
  errors: PathIssue[];
  /** The kind of filing checked. */
  kind: FilingKind;
  /** Values whose canonical form differs from what was typed, by path. */
  normalized: Record<string, string>;
  /** The provider profile applied. */
  provider: string;
  /** Counts over the report. */
  summary: Summary;
  /** No error anywhere (warnings allowed). */
  valid: boolean;
  /** The verification route; absent when the filing is too incomplete to tell. */
  verification?: Verification;
  /** What is worth a look, by path. */
  warnings: PathIssue[];
}

/** The container format, detected from magic bytes only (never from the name or MIME type). */
export type Format = "jpeg" | "png" | "gif" | "bmp" | "webp" | "heic" | "avif" | "pdf" | "tiff" | "unknown";

/**
 * A rendered finding: stable `code`, `message` in the requested locale, `params` for
 * callers that build their own wording.
 */
export interface Issue {
  /** Stable code (`resident_id.checksum`). */
  code: string;
  /** The message, in the requested locale. */
  message: string;
  /** The message's parameters, typed (a province as its code, an excerpt as typed). */
  params: Record<string, Value>;
  /** Error or warning. */
  severity: Severity;
}

/** Whether a document is needed for sure, or only in some cases the sources leave open. */
export type Need = "required" | "conditional";

/** A finding at a path of the filing. */
export interface PathIssue {
  /** Stable code (`mobile.checksum`). */
  code: string;
  /** The field rule that found it; absent for filing-level rules. */
  field?: string;
  /** The message, in the requested locale. */
  message: string;
  /** The message's parameters, typed. */
  params: Record<string, Value>;
  /** Where: `entity.person_in_charge.mobile`, `services[1].domains[0]`. */
  path: string;
  /** Error or warning. */
  severity: Severity;
}

/** A person in charge (负责人) with the contact fields both checklists ask for. */
export interface Person {
  /** 证件号码. */
  certificate_number?: string;
  /** 证件类型: a field id (`resident_id`) or the console's Chinese name (`居民身份证`). */
  certificate_type?: string;
  /** 证件有效期 (`2016-08-01~2036-08-01`, `2016-08-01~长期`). */
  certificate_validity?: string;
  /** 电子邮箱. */
  email?: string;
  /** 应急联系电话. */
  emergency_phone?: string;
  /** 手机号码 (联系电话). */
  mobile?: string;
  /** 姓名. */
  name?: string;
  /** 办公电话, optional. */
  office_phone?: string;
}

/** 前置审批: category and the approving document. */
export interface PreApproval {
  /** The pre-approval category (`news`, `publishing`, ... or its Chinese name). */
  category?: string;
  /** The approval document's number. */
  document_number?: string;
}

/**
 * Electronic (online, WeChat mini program with face recognition) or manual (photo and
 * paper forms) verification.
 */
export type Route = "electronic" | "manual";

/** One Internet information service (网站 or APP). */
export interface Service {
  /** 服务类目 / service content, free text or pre-approval category ids. */
  categories?: string[];
  /**
   * Website: registrable domains; APP: domains up to the fourth level. Each is a name,
   * or an object with what the registrar's real-name record says about it.
   */
  domains?: Domain[];
  /** 语种. */
  languages?: string[];
  /** 网站名称 / APP名称. */
  name?: string;
  /** 网站/APP负责人. */
  person_in_charge?: Person;
  /** APP only: one entry per operating system. */
  platforms?: AppPlatform[];
  /** 前置审批: the pre-approvals the service's categories need. */
  pre_approvals?: PreApproval[];
  /** 网站/APP备案号 (`京ICP备12345678号-1`) when the service is already filed. */
  record_number?: string;
  /** Website or APP (JSON: `type`). */
  type?: ServiceType;
}

/** Website or APP. */
export type ServiceType = "website" | "app";

/** How much a finding matters. Warnings never make a value invalid. */
export type Severity = "error" | "warning";

/** Counts over the report. */
export interface Summary {
  /** Documents needed in some cases. */
  documents_conditional: number;
  /** Documents every such filing needs. */
  documents_required: number;
  /** Number of errors. */
  errors: number;
  /** Number of field values checked. */
  fields_checked: number;
  /** Number of services in the filing. */
  services: number;
  /** Number of warnings. */
  warnings: number;
}

/** Where a document of the checklist is uploaded. */
export type Upload = "provider" | "wechat_mini_program";

/** A parameter or detail value: a province as its code, a provider or term as its id, several values as an array. */
export type Value = boolean | number | string | Value[];

/** How the filing will be verified, and why. */
export interface Verification {
  /** Notes on the verification (province procedures), in the requested locale. */
  notes: string[];
  /** Why this route, in the requested locale. */
  reason: string;
  /** Stable id of the reason. */
  reason_code: string;
  /** Electronic or manual. */
  route: Route;
  /**
   * Whether the MIIT sends an SMS code to confirm (every mainland filing, rare exceptions
   * announced by the provider: nwcd-website-guide-zh 九 2, 七 步骤6); absent when it depends
   * on a province that is not known.
   */
  sms_verification?: boolean;
}
