import type { Migration } from "kysely/migration";
import * as foundation from "./20261124000000_foundation";
import * as supportersAndMail from "./20261124010000_supporters_and_mail";
import * as casesAndTips from "./20261124060000_cases_and_tips";
import * as donations from "./20261124050000_donations";
import * as petitions from "./20261124020000_petitions";
import * as email from "./20261124040000_email";
import * as letters from "./20261124030000_letters";
import * as endMailedOrganizerTokens from "./20261201030000_end_mailed_organizer_tokens";
import * as consentsProven from "./20261201040000_consents_proven";
import * as transparencyLog from "./20261202040000_transparency_log";
import * as supporterSelfService from "./20261202030000_supporter_self_service";
import * as erasures from "./20261202040000_erasures";
import * as supporterTags from "./20261202050000_supporter_tags";
import * as supporterImports from "./20261203040000_S_supporter_imports";
import * as supporterSegments from "./20261203040100_S_supporter_segments";
import * as callSupporter from "./20261203090000_X_call_supporter";
import * as signatureLanguage from "./20261204010000_Y_signature_language";
import * as letterLanguage from "./20261204030000_Y2_letter_language";
import * as translations from "./20261202050000_translations";
import * as statements from "./20261202020000_statements";
import * as mailingScopes from "./20261202020100_mailing_scopes";
import * as committees from "./20261202010000_committees";
import * as cwcDeliveries from "./20261202020000_cwc_deliveries";
import * as campaignTargetRules from "./20261202030000_campaign_target_rules";
import * as congresses from "./20261202040000_I_congresses";
import * as callScriptOverrides from "./20261203020000_Q_call_script_overrides";
import * as osdiApiKeys from "./20261203030000_R_osdi_api_keys";
import * as dashboardRollups from "./20261203080000_W_dashboard_rollups";
import * as checkpointCadence from "./20261203060000_U_checkpoint_cadence";
import * as campaignCwcTopic from "./20261203050000_T_campaign_cwc_topic";
import * as campaignBodyTranslations from "./20261203010000_P_campaign_body_translations";

/**
 * Every migration, by name (timestamp-first, so names sort in order). Migrations are imported
 * here rather than read from disk so that they are bundled into the server build and run under
 * plain Node (see docs/decisions/002-migrations-bundled.md). Append only.
 */
export const migrations: Record<string, Migration> = {
  "20261124000000_foundation": foundation,
  "20261124010000_supporters_and_mail": supportersAndMail,
  "20261124020000_petitions": petitions,
  "20261124040000_email": email,
  "20261124050000_donations": donations,
  "20261124060000_cases_and_tips": casesAndTips,
  "20261124030000_letters": letters,
  "20261201030000_end_mailed_organizer_tokens": endMailedOrganizerTokens,
  "20261201040000_consents_proven": consentsProven,
  "20261202020000_statements": statements,
  "20261202020100_mailing_scopes": mailingScopes,
  "20261202030000_supporter_self_service": supporterSelfService,
  "20261202040000_erasures": erasures,
  "20261202040000_transparency_log": transparencyLog,
  "20261202050000_supporter_tags": supporterTags,
  "20261202050000_translations": translations,
  "20261202010000_committees": committees,
  "20261202020000_cwc_deliveries": cwcDeliveries,
  "20261202030000_campaign_target_rules": campaignTargetRules,
  "20261202040000_I_congresses": congresses,
  "20261203020000_Q_call_script_overrides": callScriptOverrides,
  "20261203030000_R_osdi_api_keys": osdiApiKeys,
  "20261203080000_W_dashboard_rollups": dashboardRollups,
  "20261203060000_U_checkpoint_cadence": checkpointCadence,
  "20261203050000_T_campaign_cwc_topic": campaignCwcTopic,
  "20261203010000_P_campaign_body_translations": campaignBodyTranslations,
  "20261203040000_S_supporter_imports": supporterImports,
  "20261203040100_S_supporter_segments": supporterSegments,
  "20261203090000_X_call_supporter": callSupporter,
  "20261204010000_Y_signature_language": signatureLanguage,
  "20261204030000_Y2_letter_language": letterLanguage,
};
