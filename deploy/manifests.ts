/**
 * The Kubernetes manifests of c360 (a Kustomize base in `deploy/k8s/base`), made from the registry of
 * subgraphs so that a new subgraph gets its Deployment, Service and autoscaler with no hand edit:
 * `pnpm manifests` writes them, the test suite checks the committed files equal a fresh generation and
 * validates every object against the Kubernetes schemas (kubernetes-models).
 *
 * Each service (the gateway, each subgraph) runs from its own image target of the Dockerfile, reads
 * its configuration from the `c360-config` ConfigMap and its secrets (DATABASE_URL, C360_JWT_SECRET,
 * C360_SUBGRAPH_SECRET) from the `c360-secrets` Secret, is ready on /readyz (database and migrations;
 * for the gateway, every subgraph) and alive on /healthz. Migrations run as a Job before a rollout.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { portSetting } from "@c360/config";
import { envName, GATEWAY_PORT, subgraphRegistry } from "@c360/registry";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { stringify } from "yaml";

export const baseDir = join(import.meta.dirname, "k8s/base");

/** What differs between the services: the rest is one template. */
interface ServiceSpec {
  name: string;
  port: number;
  replicas: { min: number; max: number };
  resources: { cpu: string; memory: string; memoryLimit: string };
  /** Whether it writes the access trail (the gateway): its key and its checkpoints' volume. */
  writesTrail?: boolean;
}

const services: ServiceSpec[] = [
  {
    name: "gateway",
    port: GATEWAY_PORT,
    replicas: { min: 2, max: 10 },
    resources: { cpu: "500m", memory: "256Mi", memoryLimit: "768Mi" },
    writesTrail: true,
  },
  ...subgraphRegistry.map((s) => ({
    name: s.name,
    port: s.port,
    replicas: { min: 2, max: 6 },
    resources: { cpu: "250m", memory: "192Mi", memoryLimit: "512Mi" },
  })),
];

/**
 * The V8 heap a container's Node.js may grow to: two thirds of its memory limit, the rest left for
 * the young generation, code, buffers and sockets. Without it V8 sizes its heap from the node's
 * memory, not the container's, and a busy process is killed by the kernel before it collects.
 */
function heapMiBOf(memoryLimit: string): number {
  const mebibytes = /^(\d+)Mi$/.exec(memoryLimit)?.[1];
  if (!mebibytes) throw new Error(`memory limit ${memoryLimit}: give it in Mi`);
  return Math.floor((Number(mebibytes) * 2) / 3);
}

const labels = (name: string) => ({ "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "c360" });

/** The secrets every process may need; empty here, so a deployment without real ones refuses to start. */
const secretKeys = ["DATABASE_URL", "C360_JWT_SECRET", "C360_SUBGRAPH_SECRET", "C360_METRICS_TOKEN"];

/**
 * The trail's key, in a Secret of its own that only the gateway reads, and where the gateway signs
 * the trail's checkpoints: a volume the database's users cannot write (a ReadWriteMany claim, so
 * every replica appends its own chain's file; back it with append-only or versioned storage).
 */
const TRAIL_CHECKPOINTS = "/var/lib/c360/trail-checkpoints";
const trailEnvironment = [
  { name: "C360_TRAIL_KEY", valueFrom: { secretKeyRef: { name: "c360-trail", key: "C360_TRAIL_KEY" } } },
  { name: "C360_TRAIL_CHECKPOINTS", value: TRAIL_CHECKPOINTS },
];

const environment = {
  envFrom: [{ configMapRef: { name: "c360-config" } }, { secretRef: { name: "c360-secrets" } }],
};

/** The image's `node` user (uid 1000), numeric so that Kubernetes can check it is not root. */
const hardened = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ["ALL"] },
};

function serviceObjects(s: ServiceSpec) {
  const probe = (path: string, periodSeconds: number) => ({
    httpGet: { path, port: "http" },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold: 3,
  });
  return [
    new Deployment({
      metadata: { name: s.name, labels: labels(s.name) },
      spec: {
        replicas: s.replicas.min,
        selector: { matchLabels: labels(s.name) },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: labels(s.name) },
          spec: {
            terminationGracePeriodSeconds: 30,
            containers: [
              {
                name: s.name,
                image: `c360/${s.name}`,
                ports: [{ name: "http", containerPort: s.port }],
                ...environment,
                env: [
                  { name: "NODE_OPTIONS", value: `--max-old-space-size=${heapMiBOf(s.resources.memoryLimit)}` },
                  ...(s.writesTrail ? trailEnvironment : []),
                ],
                ...(s.writesTrail
                  ? { volumeMounts: [{ name: "trail-checkpoints", mountPath: TRAIL_CHECKPOINTS }] }
                  : {}),
                readinessProbe: probe("/readyz", 5),
                livenessProbe: probe("/healthz", 10),
                startupProbe: { ...probe("/healthz", 2), failureThreshold: 30 },
                resources: {
                  requests: { cpu: s.resources.cpu, memory: s.resources.memory },
                  limits: { memory: s.resources.memoryLimit },
                },
                securityContext: hardened,
              },
            ],
            ...(s.writesTrail
              ? {
                  volumes: [
                    { name: "trail-checkpoints", persistentVolumeClaim: { claimName: "c360-trail-checkpoints" } },
                  ],
                }
              : {}),
          },
        },
      },
    }),
    ...(s.writesTrail
      ? [
          new PersistentVolumeClaim({
            metadata: { name: "c360-trail-checkpoints", labels: labels(s.name) },
            spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "1Gi" } } },
          }),
        ]
      : []),
    new Service({
      metadata: { name: s.name, labels: labels(s.name) },
      spec: {
        selector: labels(s.name),
        ports: [{ name: "http", port: s.port, targetPort: "http" }],
      },
    }),
    new HorizontalPodAutoscaler({
      metadata: { name: s.name, labels: labels(s.name) },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: s.name },
        minReplicas: s.replicas.min,
        maxReplicas: s.replicas.max,
        metrics: [
          { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
        ],
      },
    }),
  ];
}

/** Every manifest file of the base, by file name, as objects (validated by the caller). */
export function manifests(): Record<string, { validate(): void; toJSON(): unknown }[]> {
  const config = new ConfigMap({
    metadata: { name: "c360-config", labels: { "app.kubernetes.io/part-of": "c360" } },
    data: {
      NODE_ENV: "production",
      C360_LISTEN_HOST: "0.0.0.0",
      C360_LOG_LEVEL: "info",
      // No browser origin until the operator lists its web apps' origins here (empty is unset).
      C360_CORS_ORIGINS: "",
      ...Object.fromEntries(services.map((s) => [portSetting(s.name), String(s.port)])),
      ...Object.fromEntries(
        subgraphRegistry.map((s) => [`C360_${envName(s.name)}_URL`, `http://${s.name}:${s.port}/graphql`]),
      ),
    },
  });
  const secret = new Secret({
    metadata: { name: "c360-secrets", labels: { "app.kubernetes.io/part-of": "c360" } },
    type: "Opaque",
    stringData: Object.fromEntries(secretKeys.map((k) => [k, ""])),
  });
  const trailSecret = new Secret({
    metadata: { name: "c360-trail", labels: { "app.kubernetes.io/part-of": "c360" } },
    type: "Opaque",
    stringData: { C360_TRAIL_KEY: "" },
  });
  const migrate = new Job({
    metadata: { name: "c360-migrate", labels: labels("migrate") },
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels: labels("migrate") },
        spec: {
          restartPolicy: "OnFailure",
          containers: [
            {
              name: "migrate",
              image: "c360/cli",
              args: ["db", "migrate"],
              ...environment,
              resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
              securityContext: hardened,
            },
          ],
        },
      },
    },
  });
  return {
    "config.yaml": [config],
    [secretExample]: [secret, trailSecret],
    "migrate-job.yaml": [migrate],
    ...Object.fromEntries(services.map((s) => [`${s.name}.yaml`, serviceObjects(s)])),
  };
}

/**
 * The Secret's keys, as an example kept out of the kustomization: `kubectl apply -k` would otherwise
 * overwrite the real secrets with these empty values.
 */
const secretExample = "secret.example.yaml";

const header = (file: string) =>
  `# Generated by \`pnpm manifests\` from deploy/manifests.ts and the registry of subgraphs: do not edit.\n${
    file === secretExample
      ? "# The keys of the c360-secrets Secret, for reference; not applied by the kustomization, so that\n" +
        "# `kubectl apply -k` never overwrites the real values. Create it before applying, with\n" +
        "# `kubectl create secret generic c360-secrets --from-literal=...` or your secret manager, not in git.\n"
      : ""
  }`;

/** The base's files as text: each manifest file, and the kustomization that lists them. */
export function renderBase(): Record<string, string> {
  const files = manifests();
  const out: Record<string, string> = {};
  for (const [file, objects] of Object.entries(files))
    out[file] = header(file) + objects.map((o) => stringify(o.toJSON())).join("---\n");
  out["kustomization.yaml"] =
    header("kustomization.yaml") +
    stringify({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      labels: [{ pairs: { "app.kubernetes.io/instance": "c360" } }],
      resources: Object.keys(files).filter((file) => file !== secretExample),
      images: [...services.map((s) => s.name), "cli"].map((name) => ({ name: `c360/${name}`, newTag: "latest" })),
    });
  return out;
}

if (process.argv[1] === import.meta.filename) {
  for (const [file, text] of Object.entries(renderBase())) writeFileSync(join(baseDir, file), text);
  console.log(`wrote ${baseDir}`);
}
