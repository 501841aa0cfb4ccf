// "icp-validate/app-file": an APP's package name, signing certificate MD5 and public key read
// from its own file (APK, IPA, HAP / APP, provisioning profile, certificate), locally.
import type { Issue, PathIssue } from "./types.js";

/** One certificate of the file, as the filer needs to see it. */
export interface AppCertificate {
  /** RFC 4514 order, most specific first, as `keytool` and `apksigner` print it. */
  subject: string;
  issuer: string;
  /** Upper-case hex. */
  serial: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  not_before: string;
  not_after: string;
  /** `RSA`, `EC`, `DSA`, `Ed25519`, `Ed448` or the algorithm's dotted OID. */
  key_algorithm: string;
  /** Modulus, curve or prime size; 0 when unknown. */
  key_bits: number;
  /** The EC curve (`P-256`, `P-384`, `P-521`) or the OID of another one. */
  key_curve?: string;
  /** Base64 of the DER SubjectPublicKeyInfo, one line: what the filing's public key field takes. */
  public_key: string;
  /** `AB:CD:…`, the form the filing consoles show. */
  md5: string;
  /** 32 upper-case hex digits, what the `md5` field normalises to. */
  md5_hex: string;
  sha1: string;
  sha256: string;
  /** Where it was found: `v1`, `v2`, `v3`, `v3.1`, `lineage`, `embedded.mobileprovision`, `file`;
   * in a HAP `hap_signature` (the signer), `hap_chain`, `hap_profile` (the profile's certificate). */
  found_in: string[];
}

/** What readAppFile answers: the same as `icp-validate app-info FILE` prints, plus the
 * typed values' cross-check and what was sliced from the file. */
export interface AppFileResult {
  kind: "apk" | "ipa" | "hap" | "app" | "provisioning_profile" | "certificate" | "unknown";
  platform?: "android" | "ios" | "harmony";
  /** Package name / Bundle ID / bundleName. */
  package: string | null;
  /** The signing certificate's MD5 as the `md5` field takes it. */
  md5: string | null;
  /** The signing certificate's public key as the `public_key` field takes it. */
  public_key: string | null;
  /** APK signature schemes found: `v1`, `v2`, `v3`, `v3.1`. */
  schemes: string[];
  /** Whether every scheme names the same signer certificates (signed APKs). */
  schemes_agree?: boolean;
  /** A provisioning profile's `TEAMID.bundle.id`. */
  application_identifier?: string;
  /** A HarmonyOS HAP's signing block (in an `.app`, the entry module's, named by `module`). */
  harmony?: {
    /** 2 (`HAP Sig Block 42`, compatible API version below 8) or 3 (`<hap sign block>`). */
    block_version: number;
    code_signing: boolean;
    /** The profile's `type`: `release` or `debug`. */
    profile_type: string | null;
    profile_bundle_name: string | null;
    /** A signed `.p7b` rather than the profile's JSON alone. */
    profile_signed: boolean | null;
    module?: string;
  };
  /** The signing certificate first, then other signers, chains and older lineage ones. */
  certificates: AppCertificate[];
  /** Bytes the reader used and in how many reads (as natively). */
  bytes_read: number;
  reads: number;
  /** No error among the file's own findings. */
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** The typed values against the file's, at `{path}.package`, `.md5`, `.public_key`,
   * `.platform` (without `path`, the bare names). */
  cross_check: PathIssue[];
  /** What was sliced from the file: bytes, slices, and the reader's runs. */
  fetched: { bytes: number; slices: number; rounds: number };
}

export interface ReadAppFileOptions {
  /** Certificates are checked against this date (`YYYY-MM-DD`); default: today in China. */
  today?: string;
  /** Message language: zh-CN (default) or en. */
  locale?: string;
  /** Values typed into the form, compared with the file's. */
  typed?: { package?: string | null; md5?: string | null; public_key?: string | null };
  /** The form platform the file is chosen for: a file of another platform is named so. */
  platform?: "android" | "ios" | "harmony" | string;
  /** The platform's path in the filing (`services[0].platforms[0]`), prefixing cross_check paths. */
  path?: string;
}

/** Reads the file: a File or Blob by slices (a few hundred KB of a large APK), or bytes.
 * Loads the app-file module on the first call. Rejects only for an argument that is no file. */
export function readAppFile(file: Blob | Uint8Array | ArrayBuffer | ArrayBufferView, options?: ReadAppFileOptions): Promise<AppFileResult>;

/** Loads the module from `source` (its URL, a Response, its bytes or a compiled Module, or a
 * function returning a promise of one) instead of from beside the package's files: for a
 * page whose CSP forbids fetch(), give the bytes. */
export function initAppFile(source: RequestInfo | URL | Response | BufferSource | WebAssembly.Module | (() => Promise<RequestInfo | URL | Response | BufferSource | WebAssembly.Module>)): Promise<void>;
