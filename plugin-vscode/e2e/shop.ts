// The objects the end-to-end test shows: namespace shop with three workloads in different
// health, their pods (statuses set through pods/status: no kubelet runs), a secret, a service
// and a warning event; and a viewer who may read everything in `default` except secrets.
import type { Json, Rest } from './apiServer';

const NS = '/api/v1/namespaces';
const APPS = '/apis/apps/v1/namespaces/shop/deployments';
const PODS = `${NS}/shop/pods`;
const SIDECAR = 'kubereplay-sidecar';

function deployment(
  name: string,
  replicas: number,
  annotations: Record<string, string>,
  containers: Json[],
): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations },
        spec: { containers },
      },
    },
  };
}

function container(name: string, cpu: string, memory: string): Json {
  return { name, image: `shop/${name}:1.4.2`, resources: { requests: { cpu, memory } } };
}

function sidecar(): Json {
  return {
    name: SIDECAR,
    image: 'kubereplay/sidecar:0.1.0',
    resources: { requests: { cpu: '50m', memory: '64Mi' } },
  };
}

function running(name: string, ready = true, restartCount = 0): Json {
  return {
    name,
    ready,
    restartCount,
    image: 'x',
    imageID: '',
    state: { running: { startedAt: new Date().toISOString() } },
  };
}

async function pod(rest: Rest, name: string, app: string, containers: Json[], statuses: Json[]) {
  await rest.create(PODS, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app } },
    spec: { containers },
  });
  await rest.patch(`${PODS}/${name}/status`, {
    status: { phase: 'Running', containerStatuses: statuses },
  });
}

export async function createShop(rest: Rest): Promise<void> {
  await rest.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });

  // api: the one the test injects; one ready pod, no sidecar yet.
  const api = [container('api', '250m', '128Mi')];
  await rest.create(APPS, deployment('api', 1, {}, api));
  await rest.patch(`${APPS}/api/status`, { status: { replicas: 1, readyReplicas: 1 } });
  await pod(rest, 'api-7c9d8-x2k4p', 'api', api, [running('api')]);

  // web: injected with TLS out; one of its two sidecars is not ready yet (caution).
  const web = [container('web', '100m', '256Mi'), sidecar()];
  const flags = { 'kubereplay.dev/inject': 'true', 'kubereplay.dev/tls-out': 'true' };
  await rest.create(APPS, deployment('web', 2, flags, web));
  await rest.patch(`${APPS}/web/status`, { status: { replicas: 2, readyReplicas: 1 } });
  await pod(rest, 'web-5f6b7-9qz8m', 'web', web, [running('web'), running(SIDECAR)]);
  await pod(rest, 'web-5f6b7-t4v2c', 'web', web, [running('web'), running(SIDECAR, false)]);

  // payments: crash-looping (alert), with the warning event that says so.
  const payments = [container('payments', '500m', '512Mi')];
  await rest.create(APPS, deployment('payments', 1, {}, payments));
  await rest.patch(`${APPS}/payments/status`, { status: { replicas: 1 } });
  await pod(rest, 'payments-6d4c9-lm2wq', 'payments', payments, [
    {
      name: 'payments',
      ready: false,
      restartCount: 7,
      image: 'x',
      imageID: '',
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: 'back-off 5m0s restarting failed container',
        },
      },
    },
  ]);
  const now = new Date().toISOString();
  await rest.create(`${NS}/shop/events`, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'payments-6d4c9-lm2wq.backoff' },
    involvedObject: { kind: 'Pod', name: 'payments-6d4c9-lm2wq', namespace: 'shop' },
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container payments',
    count: 7,
    firstTimestamp: now,
    lastTimestamp: now,
    source: { component: 'kubelet' },
  });

  await rest.create(`${NS}/shop/secrets`, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'payments-db' },
    type: 'Opaque',
    stringData: { username: 'payments', password: 'never-shown' },
  });
  await rest.create(`${NS}/shop/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'api' },
    spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  });
}

/** Lets the viewer read workloads, pods, services and events in `default`, but not secrets. */
export async function allowViewer(rest: Rest): Promise<void> {
  const rbac = '/apis/rbac.authorization.k8s.io/v1/namespaces/default';
  await rest.create(`${rbac}/roles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'viewer' },
    rules: [
      {
        apiGroups: [''],
        resources: ['pods', 'services', 'events', 'configmaps'],
        verbs: ['get', 'list', 'watch'],
      },
      {
        apiGroups: ['apps'],
        resources: ['deployments', 'statefulsets', 'daemonsets'],
        verbs: ['get', 'list', 'watch'],
      },
    ],
  });
  await rest.create(`${rbac}/rolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'viewer' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'viewer' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'viewer' }],
  });
}
