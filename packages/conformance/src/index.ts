export {
  BASE_SETTINGS,
  CASES,
  type ConformanceCase,
  type FaultSpec,
  type SettingName,
  type SettingsOverride,
} from './cases';
export { buildRequest, settingsStatements } from './request';
export { type ConformanceOptions, type ConformanceTarget, conformanceSuite } from './runner';
export { parseXml, type XmlElement } from './xml-tree';
