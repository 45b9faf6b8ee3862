import { LegalSource } from './types';

/** Full titles of the sources abbreviated in deadlines.md. */
export const LEGAL_SOURCES: Readonly<Record<LegalSource, string>> = {
  R310: '《行政执法机关移送涉嫌犯罪案件的规定》 (State Council Decree 310, 2020 revision)',
  E17: '《环境保护行政执法与刑事司法衔接工作办法》 (环环监〔2017〕17号)',
  GA: '《公安机关办理刑事案件程序规定》 (2020)',
  JR: '《人民检察院刑事诉讼规则》 (2019)',
  CPL: '《中华人民共和国刑事诉讼法》',
  CivPL: '《中华人民共和国民事诉讼法》',
  ALL: '《中华人民共和国行政诉讼法》',
  CivJI: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》 (2022)',
  PILJI: '《最高人民法院 最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》',
  PILR21: '《人民检察院公益诉讼办案规则》 (2021)',
  EnvPIL: '《最高人民法院关于审理环境民事公益诉讼案件适用法律若干问题的解释》',
  EDC: '《最高人民法院关于审理生态环境损害赔偿案件的若干规定（试行）》',
  EDCR22: '《生态环境损害赔偿管理规定》 (2022)',
  APL: '《中华人民共和国行政处罚法》 (2021)',
  REP19: '法释〔2019〕18号',
};

/** The same sources in English (the console's English mode): the common English renderings of the titles. */
export const LEGAL_SOURCES_EN: Readonly<Record<LegalSource, string>> = {
  R310: 'Provisions on the Transfer of Suspected Criminal Cases by Administrative Law-Enforcement Organs (State Council Decree 310, 2020 revision)',
  E17: 'Measures for Linking Environmental Administrative Enforcement and Criminal Justice (Huanhuanjian [2017] No. 17)',
  GA: 'Provisions on the Procedures for Handling Criminal Cases by Public Security Organs (2020)',
  JR: "Rules of Criminal Procedure of the People's Procuratorates (2019)",
  CPL: "Criminal Procedure Law of the People's Republic of China",
  CivPL: "Civil Procedure Law of the People's Republic of China",
  ALL: "Administrative Litigation Law of the People's Republic of China",
  CivJI: "Supreme People's Court Interpretation on the Application of the Civil Procedure Law (2022)",
  PILJI:
    "Interpretation of the Supreme People's Court and the Supreme People's Procuratorate on Procuratorial Public-Interest Litigation",
  PILR21: "Rules of the People's Procuratorates for Handling Public-Interest Litigation Cases (2021)",
  EnvPIL: "Supreme People's Court Interpretation on Environmental Civil Public-Interest Litigation",
  EDC: "Supreme People's Court Provisions on Cases of Compensation for Ecological Environment Damage (Trial)",
  EDCR22: 'Provisions on the Administration of Compensation for Ecological Environment Damage (2022)',
  APL: "Administrative Penalty Law of the People's Republic of China (2021)",
  REP19: 'Judicial Interpretation Fa Shi [2019] No. 18',
};
