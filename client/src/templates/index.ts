/**
 * DaemonSet starting points for common node agents. Pure data: no vscode import, so unit tests
 * can run every template through the project's own checker. Titles and descriptions shown in
 * the UI are localised by the command (client/src/commands/newFromTemplate.ts), keyed by id.
 *
 * Shared defaults, and why:
 * - nodeSelector kubernetes.io/os: linux — the images are Linux-only; a Windows node would
 *   crash-loop them.
 * - a control-plane toleration — node agents usually belong on every node, including control
 *   planes (GPU agents: the GPU taint instead; the CNI agent tolerates everything).
 * - CPU and memory requests plus a memory limit — a leaking agent is killed, not the node's
 *   workloads; no CPU limit, so the agent is never throttled while the node is busy.
 * - readiness probes — they gate the rolling update node by node.
 * - host mounts read-only unless the agent must write there; runAsNonRoot where the agent can
 *   work without root.
 */

export type TemplateId = 'log-collector' | 'node-exporter' | 'gpu-device-plugin' | 'gpu-monitor' | 'cni-agent' | 'security-agent';

export interface DaemonSetTemplate {
  id: TemplateId;
  /** English title; the UI shows a localised one. */
  title: string;
  /** The agent the template is built on. */
  agent: string;
  text: string;
}

const logCollector = `# Log collector: Fluent Bit on every Linux node, shipping container logs.
# Needs a ConfigMap "fluent-bit-config" (fluent-bit.conf with HTTP_Server On and
# Health_Check On, for the readiness probe) and a ServiceAccount "fluent-bit".
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluent-bit
  namespace: logging
  labels:
    app.kubernetes.io/name: fluent-bit
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: fluent-bit
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: fluent-bit
    spec:
      serviceAccountName: fluent-bit
      # Losing logs on a busy node is what this agent exists to prevent.
      priorityClassName: system-node-critical
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      containers:
        - name: fluent-bit
          image: cr.fluentbit.io/fluent/fluent-bit:3.2.2
          ports:
            - name: http
              containerPort: 2020
          readinessProbe:
            httpGet:
              path: /api/v1/health
              port: http
            periodSeconds: 10
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              memory: 128Mi
          securityContext:
            # Container log files on the node belong to root.
            runAsUser: 0
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: varlog
              mountPath: /var/log
              readOnly: true
            - name: state
              mountPath: /var/lib/fluent-bit
            - name: config
              mountPath: /fluent-bit/etc/
              readOnly: true
      volumes:
        - name: varlog
          hostPath:
            path: /var/log
        # Read positions survive restarts, so no line is shipped twice or lost.
        - name: state
          hostPath:
            path: /var/lib/fluent-bit
            type: DirectoryOrCreate
        - name: config
          configMap:
            name: fluent-bit-config
`;

const nodeExporter = `# Node metrics: Prometheus node exporter on every Linux node (port 9100 on the node).
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
  namespace: monitoring
  labels:
    app.kubernetes.io/name: node-exporter
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: node-exporter
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: node-exporter
    spec:
      # The node's own network and processes are what it measures.
      hostNetwork: true
      hostPID: true
      # It resolves no Service names: the node's resolver is enough.
      dnsPolicy: Default
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      securityContext:
        runAsNonRoot: true
        runAsUser: 65534
        runAsGroup: 65534
      containers:
        - name: node-exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          args:
            - --path.procfs=/host/proc
            - --path.sysfs=/host/sys
            - --path.rootfs=/host/root
            - --web.listen-address=:9100
          ports:
            - name: metrics
              containerPort: 9100
          readinessProbe:
            httpGet:
              path: /
              port: metrics
            periodSeconds: 10
          resources:
            requests:
              cpu: 20m
              memory: 32Mi
            limits:
              memory: 64Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: proc
              mountPath: /host/proc
              readOnly: true
            - name: sys
              mountPath: /host/sys
              readOnly: true
            - name: root
              mountPath: /host/root
              mountPropagation: HostToContainer
              readOnly: true
      volumes:
        - name: proc
          hostPath:
            path: /proc
        - name: sys
          hostPath:
            path: /sys
        - name: root
          hostPath:
            path: /
`;

const gpuDevicePlugin = `# GPU device plugin: advertises nvidia.com/gpu on NVIDIA GPU nodes. The nodes need the
# NVIDIA driver and container toolkit; the selector below is the label GPU feature discovery
# (or the GPU operator) sets.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: nvidia-device-plugin
  namespace: kube-system
  labels:
    app.kubernetes.io/name: nvidia-device-plugin
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: nvidia-device-plugin
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app.kubernetes.io/name: nvidia-device-plugin
    spec:
      # Without it the node's GPUs disappear from the scheduler.
      priorityClassName: system-node-critical
      nodeSelector:
        kubernetes.io/os: linux
        nvidia.com/gpu.present: "true"
      tolerations:
        # GPU nodes are usually tainted so that only GPU workloads land there.
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedule
      containers:
        - name: nvidia-device-plugin
          image: nvcr.io/nvidia/k8s-device-plugin:v0.17.0
          env:
            - name: FAIL_ON_INIT_ERROR
              value: "false"
          # The plugin has no health endpoint; its socket appears once it has registered.
          readinessProbe:
            exec:
              command: ["test", "-S", "/var/lib/kubelet/device-plugins/nvidia-gpu.sock"]
            periodSeconds: 10
          resources:
            requests:
              cpu: 10m
              memory: 32Mi
            limits:
              memory: 128Mi
          securityContext:
            # The kubelet's device-plugin directory belongs to root.
            runAsUser: 0
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            # The kubelet's device-plugin socket directory: the plugin registers here.
            - name: device-plugin
              mountPath: /var/lib/kubelet/device-plugins
      volumes:
        - name: device-plugin
          hostPath:
            path: /var/lib/kubelet/device-plugins
            type: Directory
`;

const gpuMonitor = `# GPU metrics: NVIDIA DCGM exporter on NVIDIA GPU nodes (port 9400).
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: dcgm-exporter
  namespace: monitoring
  labels:
    app.kubernetes.io/name: dcgm-exporter
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: dcgm-exporter
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: dcgm-exporter
    spec:
      nodeSelector:
        kubernetes.io/os: linux
        nvidia.com/gpu.present: "true"
      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedule
      containers:
        - name: dcgm-exporter
          image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.9-3.6.1-ubuntu22.04
          ports:
            - name: metrics
              containerPort: 9400
          readinessProbe:
            httpGet:
              path: /health
              port: metrics
            initialDelaySeconds: 15
            periodSeconds: 10
          resources:
            requests:
              cpu: 50m
              memory: 128Mi
            limits:
              memory: 512Mi
          securityContext:
            # DCGM talks to the driver as root; it needs no extra capability for the default metrics.
            runAsUser: 0
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            # Which pod uses which GPU, from the kubelet's pod-resources API.
            - name: pod-resources
              mountPath: /var/lib/kubelet/pod-resources
              readOnly: true
      volumes:
        - name: pod-resources
          hostPath:
            path: /var/lib/kubelet/pod-resources
            type: Directory
`;

const cniAgent = `# CNI agent: installs the CNI plugin and configuration on every node and programs its
# network. Replace the image and config with your CNI's; the shape is what matters.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: cni-agent
  namespace: kube-system
  labels:
    app.kubernetes.io/name: cni-agent
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: cni-agent
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app.kubernetes.io/name: cni-agent
    spec:
      # No pod on the node gets a network before this one runs.
      priorityClassName: system-node-critical
      hostNetwork: true
      # The node's resolver: cluster DNS needs the pod network this agent sets up.
      dnsPolicy: Default
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
        # Every node, whatever its taints: including not-ready ones, which wait for the network.
        - operator: Exists
      containers:
        - name: cni-agent
          image: registry.example.com/cni-agent:1.0.0
          ports:
            - name: health
              containerPort: 9099
          readinessProbe:
            httpGet:
              host: 127.0.0.1
              path: /readiness
              port: health
            periodSeconds: 10
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          securityContext:
            # Routes and iptables in the node's network namespace, files in root's directories.
            runAsUser: 0
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
              add: ["NET_ADMIN", "NET_RAW"]
          volumeMounts:
            # The agent writes its plugin binary and configuration here for the kubelet.
            - name: cni-bin
              mountPath: /host/opt/cni/bin
            - name: cni-conf
              mountPath: /host/etc/cni/net.d
            - name: xtables-lock
              mountPath: /run/xtables.lock
            - name: lib-modules
              mountPath: /lib/modules
              readOnly: true
      volumes:
        - name: cni-bin
          hostPath:
            path: /opt/cni/bin
            type: DirectoryOrCreate
        - name: cni-conf
          hostPath:
            path: /etc/cni/net.d
            type: DirectoryOrCreate
        - name: xtables-lock
          hostPath:
            path: /run/xtables.lock
            type: FileOrCreate
        - name: lib-modules
          hostPath:
            path: /lib/modules
`;

const securityAgent = `# Runtime security: Falco with the modern eBPF probe, in least-privileged mode (capabilities
# instead of privileged: true; needs a kernel of 5.8 or later). Rules come from the image.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: falco
  namespace: falco
  labels:
    app.kubernetes.io/name: falco
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: falco
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: falco
    spec:
      # A node without its security agent is a blind spot.
      priorityClassName: system-node-critical
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      containers:
        - name: falco
          image: docker.io/falcosecurity/falco:0.39.2
          args:
            - /usr/bin/falco
            - -o
            - engine.kind=modern_ebpf
            - -o
            - webserver.enabled=true
          env:
            - name: HOST_ROOT
              value: /host
          ports:
            - name: web
              containerPort: 8765
          readinessProbe:
            httpGet:
              path: /healthz
              port: web
            initialDelaySeconds: 10
            periodSeconds: 15
          resources:
            requests:
              cpu: 100m
              memory: 512Mi
            limits:
              memory: 1Gi
          securityContext:
            # Capabilities take effect for root only (no ambient capabilities for other users).
            runAsUser: 0
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
              add: ["BPF", "PERFMON", "SYS_RESOURCE", "SYS_PTRACE"]
          volumeMounts:
            - name: proc
              mountPath: /host/proc
              readOnly: true
            - name: etc
              mountPath: /host/etc
              readOnly: true
            - name: boot
              mountPath: /host/boot
              readOnly: true
      volumes:
        - name: proc
          hostPath:
            path: /proc
        - name: etc
          hostPath:
            path: /etc
        - name: boot
          hostPath:
            path: /boot
`;

export const TEMPLATES: readonly DaemonSetTemplate[] = [
  { id: 'log-collector', title: 'Log collector', agent: 'Fluent Bit', text: logCollector },
  { id: 'node-exporter', title: 'Node exporter', agent: 'Prometheus', text: nodeExporter },
  { id: 'gpu-device-plugin', title: 'GPU device plugin', agent: 'NVIDIA', text: gpuDevicePlugin },
  { id: 'gpu-monitor', title: 'GPU monitor', agent: 'NVIDIA DCGM exporter', text: gpuMonitor },
  { id: 'cni-agent', title: 'CNI agent', agent: 'CNI', text: cniAgent },
  { id: 'security-agent', title: 'Security agent', agent: 'Falco', text: securityAgent },
];

export function findTemplate(id: string): DaemonSetTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
