-- One database per service (database-per-service).
CREATE DATABASE casebridge_enforcement;
CREATE DATABASE casebridge_police;
CREATE DATABASE casebridge_procuratorate;
CREATE DATABASE casebridge_court;
CREATE DATABASE casebridge_supervision;
CREATE DATABASE casebridge_audit;
CREATE DATABASE casebridge_workflow;
