// npm run live-check: uploads the current build to the test project, deploys it as an API
// executable, runs the conformance runner through scripts.run, runs the same runner in the
// emulator, and prints per probe "live / emulator / agree?".
import { signIn } from './auth';
import { LiveProject, readJson, writePrivateJson } from './config';
import { LiveSetupError, PREREQUISITES, explainGoogleError } from './errors';
import { googleClients } from './google';
import { liveScopes, projectFiles, readManifest } from './project';
import { LiveOptions } from './provision';
import { ComparedProbe, compareReports, formatComparison } from './report';
import { ConformanceReport } from './runner';
import { emulatorConformance } from './emulatorRun';

async function step<T>(during: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainGoogleError(error, during);
  }
}

interface RunResult {
  done?: boolean;
  error?: { code?: number; message?: string; details?: { errorMessage?: string; errorType?: string }[] };
  response?: { result?: unknown };
}

export async function liveCheck(options: LiveOptions): Promise<ComparedProbe[]> {
  const project = readJson<LiveProject>(options.paths.project);
  if (!project) throw new LiveSetupError(PREREQUISITES.noProject(options.paths.project));
  const files = projectFiles(options.root);
  const auth = await signIn({ ...options, scopes: liveScopes(readManifest(options.root)) });
  const { script } = googleClients(auth, options.rootUrl);
  const { scriptId } = project;
  await step('projects.updateContent', () => script.projects.updateContent({ scriptId, requestBody: { files } }));
  const version = await step('projects.versions.create', () => script.projects.versions.create({ scriptId, requestBody: { description: 'live-check' } }));
  const deploymentConfig = { versionNumber: version.data.versionNumber ?? undefined, manifestFileName: 'appsscript', description: 'live-check' };
  // One deployment, moved to each new version, instead of a new one per run.
  const deploymentId = project.deploymentId
    ? (await step('projects.deployments.update', () => script.projects.deployments.update({ scriptId, deploymentId: project.deploymentId, requestBody: { deploymentConfig } }))).data.deploymentId ?? project.deploymentId
    : (await step('projects.deployments.create', () => script.projects.deployments.create({ scriptId, requestBody: deploymentConfig }))).data.deploymentId ?? '';
  if (deploymentId !== project.deploymentId) writePrivateJson(options.paths.project, { ...project, deploymentId });
  const run = await step('scripts.run', () => script.scripts.run({ scriptId: deploymentId, requestBody: { function: 'runConformance' } }));
  const data = run.data as RunResult;
  if (data.error) {
    const detail = data.error.details?.[0];
    throw new LiveSetupError(`The conformance runner failed in Apps Script: ${detail?.errorType ?? ''} ${detail?.errorMessage ?? data.error.message ?? ''}`.trim());
  }
  const live = data.response?.result as ConformanceReport;
  const rows = compareReports(live, emulatorConformance(options.root));
  options.log(formatComparison(rows));
  return rows;
}
