// The bundled sample cluster's pods, as `kubectl get pods -A -o yaml` prints them (kind: List).
// Hand-maintained: keep it self-consistent with the other sample file (node names, pod requests).
// A TypeScript module instead of a .yaml file so it loads the same under tsx and in the esbuild bundle.
export default `
apiVersion: v1
items:
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-12-08T09:12:59Z"
    generateName: store-sync-
    labels:
      app: store-sync
      controller-revision-hash: 84c9f6d7b5
      pod-template-generation: "2"
    name: store-sync-fpwh7
    namespace: edge
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: store-sync
      uid: 195d5f59-78a9-487e-a771-98fee04fca50
    resourceVersion: "48219168"
    uid: 31a4157e-c1bf-4cbc-adcc-295228e97311
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - edge-berlin-1
    containers:
    - image: registry.example.com/edge/store-sync:2.4.1
      imagePullPolicy: IfNotPresent
      name: store-sync
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: edge-berlin-1
    nodeSelector:
      node.example.com/pool: edge
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoSchedule
      key: edge.example.com/remote
      operator: Equal
      value: "true"
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-12-08T09:12:59Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-12-08T09:12:59Z"
      status: "True"
      type: Ready
    hostIP: 172.20.10.5
    hostIPs:
    - ip: 172.20.10.5
    phase: Running
    podIP: 10.244.12.11
    podIPs:
    - ip: 10.244.12.11
    qosClass: Burstable
    startTime: "2025-12-08T09:12:59Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-12-09T10:47:53Z"
    generateName: store-sync-
    labels:
      app: store-sync
      controller-revision-hash: 84c9f6d7b5
      pod-template-generation: "2"
    name: store-sync-xh2q2
    namespace: edge
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: store-sync
      uid: 195d5f59-78a9-487e-a771-98fee04fca50
    resourceVersion: "48219305"
    uid: f10b4419-d75c-4660-a910-56852ecc2f53
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - edge-munich-1
    containers:
    - image: registry.example.com/edge/store-sync:2.4.1
      imagePullPolicy: IfNotPresent
      name: store-sync
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: edge-munich-1
    nodeSelector:
      node.example.com/pool: edge
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoSchedule
      key: edge.example.com/remote
      operator: Equal
      value: "true"
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-12-09T10:47:53Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-12-09T10:47:53Z"
      status: "True"
      type: Ready
    hostIP: 172.20.11.5
    hostIPs:
    - ip: 172.20.11.5
    phase: Running
    podIP: 10.244.13.11
    podIPs:
    - ip: 10.244.13.11
    qosClass: Burstable
    startTime: "2025-12-09T10:47:53Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:11:30Z"
    generateName: coredns-7c65d6cfc9-
    labels:
      k8s-app: kube-dns
      pod-template-hash: 7c65d6cfc9
    name: coredns-7c65d6cfc9-2r49g
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: coredns-7c65d6cfc9
      uid: 26638d9d-4282-40d7-a91a-e04141589f45
    resourceVersion: "48215743"
    uid: 5d0969aa-0649-4079-af70-8891722fff09
  spec:
    containers:
    - args:
      - -conf
      - /etc/coredns/Corefile
      image: registry.k8s.io/coredns/coredns:v1.12.1
      imagePullPolicy: IfNotPresent
      name: coredns
      ports:
      - containerPort: 53
        name: dns
        protocol: UDP
      - containerPort: 53
        name: dns-tcp
        protocol: TCP
      - containerPort: 9153
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 100m
          memory: 70Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: cp-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000000000
    priorityClassName: system-cluster-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - key: CriticalAddonsOnly
      operator: Exists
    - effect: NoSchedule
      key: node-role.kubernetes.io/control-plane
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:11:30Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:11:30Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.10
    hostIPs:
    - ip: 10.0.1.10
    phase: Running
    podIP: 10.244.0.11
    podIPs:
    - ip: 10.244.0.11
    qosClass: Burstable
    startTime: "2025-09-14T08:11:30Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:11:30Z"
    generateName: coredns-7c65d6cfc9-
    labels:
      k8s-app: kube-dns
      pod-template-hash: 7c65d6cfc9
    name: coredns-7c65d6cfc9-ct85c
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: coredns-7c65d6cfc9
      uid: 26638d9d-4282-40d7-a91a-e04141589f45
    resourceVersion: "48215880"
    uid: 068f3d46-67e1-4ccc-ae0e-0c17d2db7bf0
  spec:
    containers:
    - args:
      - -conf
      - /etc/coredns/Corefile
      image: registry.k8s.io/coredns/coredns:v1.12.1
      imagePullPolicy: IfNotPresent
      name: coredns
      ports:
      - containerPort: 53
        name: dns
        protocol: UDP
      - containerPort: 53
        name: dns-tcp
        protocol: TCP
      - containerPort: 9153
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 100m
          memory: 70Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: cp-2
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000000000
    priorityClassName: system-cluster-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - key: CriticalAddonsOnly
      operator: Exists
    - effect: NoSchedule
      key: node-role.kubernetes.io/control-plane
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:11:30Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:11:30Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.10
    hostIPs:
    - ip: 10.0.2.10
    phase: Running
    podIP: 10.244.1.11
    podIPs:
    - ip: 10.244.1.11
    qosClass: Burstable
    startTime: "2025-09-14T08:11:30Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:02:11Z"
    labels:
      component: etcd
      tier: control-plane
    name: etcd-cp-1
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-1
      uid: cd590dae-0f69-4213-a50d-eb5d55c9f371
    resourceVersion: "48214099"
    uid: 5df6d990-0b6c-4391-a85c-ce9050d85f3c
  spec:
    containers:
    - image: registry.k8s.io/etcd:3.6.5-0
      imagePullPolicy: IfNotPresent
      name: etcd
      resources:
        requests:
          cpu: 100m
          memory: 100Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-1
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:11Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:11Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.10
    hostIPs:
    - ip: 10.0.1.10
    phase: Running
    podIP: 10.0.1.10
    podIPs:
    - ip: 10.0.1.10
    qosClass: Burstable
    startTime: "2025-09-14T08:02:11Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:06:45Z"
    labels:
      component: etcd
      tier: control-plane
    name: etcd-cp-2
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-2
      uid: 0e951fa3-4d03-43d6-a29c-c02190a4cf7b
    resourceVersion: "48214647"
    uid: 116d4054-3d2b-44fb-a688-36fa2021d27b
  spec:
    containers:
    - image: registry.k8s.io/etcd:3.6.5-0
      imagePullPolicy: IfNotPresent
      name: etcd
      resources:
        requests:
          cpu: 100m
          memory: 100Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-2
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:45Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:45Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.10
    hostIPs:
    - ip: 10.0.2.10
    phase: Running
    podIP: 10.0.2.10
    podIPs:
    - ip: 10.0.2.10
    qosClass: Burstable
    startTime: "2025-09-14T08:06:45Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:09:02Z"
    labels:
      component: etcd
      tier: control-plane
    name: etcd-cp-3
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-3
      uid: 0c9df852-02cb-4834-a790-1c309fca316e
    resourceVersion: "48215195"
    uid: 22005f52-2d78-4c08-a118-30bc8d88a4bc
  spec:
    containers:
    - image: registry.k8s.io/etcd:3.6.5-0
      imagePullPolicy: IfNotPresent
      name: etcd
      resources:
        requests:
          cpu: 100m
          memory: 100Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-3
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:02Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:02Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.10
    hostIPs:
    - ip: 10.0.3.10
    phase: Running
    podIP: 10.0.3.10
    podIPs:
    - ip: 10.0.3.10
    qosClass: Burstable
    startTime: "2025-09-14T08:09:02Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:02:11Z"
    labels:
      component: kube-apiserver
      tier: control-plane
    name: kube-apiserver-cp-1
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-1
      uid: cd590dae-0f69-4213-a50d-eb5d55c9f371
    resourceVersion: "48214236"
    uid: 3d000f05-f0ee-4be0-a964-1f31393cadd8
  spec:
    containers:
    - image: registry.k8s.io/kube-apiserver:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-apiserver
      resources:
        requests:
          cpu: 250m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-1
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:11Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:11Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.10
    hostIPs:
    - ip: 10.0.1.10
    phase: Running
    podIP: 10.0.1.10
    podIPs:
    - ip: 10.0.1.10
    qosClass: Burstable
    startTime: "2025-09-14T08:02:11Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:06:45Z"
    labels:
      component: kube-apiserver
      tier: control-plane
    name: kube-apiserver-cp-2
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-2
      uid: 0e951fa3-4d03-43d6-a29c-c02190a4cf7b
    resourceVersion: "48214784"
    uid: d62cefc9-0231-4583-af4a-975414b0ac34
  spec:
    containers:
    - image: registry.k8s.io/kube-apiserver:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-apiserver
      resources:
        requests:
          cpu: 250m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-2
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:45Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:45Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.10
    hostIPs:
    - ip: 10.0.2.10
    phase: Running
    podIP: 10.0.2.10
    podIPs:
    - ip: 10.0.2.10
    qosClass: Burstable
    startTime: "2025-09-14T08:06:45Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:09:02Z"
    labels:
      component: kube-apiserver
      tier: control-plane
    name: kube-apiserver-cp-3
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-3
      uid: 0c9df852-02cb-4834-a790-1c309fca316e
    resourceVersion: "48215332"
    uid: f400e6b7-b317-46a3-a458-76ae607bcff7
  spec:
    containers:
    - image: registry.k8s.io/kube-apiserver:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-apiserver
      resources:
        requests:
          cpu: 250m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-3
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:02Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:02Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.10
    hostIPs:
    - ip: 10.0.3.10
    phase: Running
    podIP: 10.0.3.10
    podIPs:
    - ip: 10.0.3.10
    qosClass: Burstable
    startTime: "2025-09-14T08:09:02Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:02:11Z"
    labels:
      component: kube-controller-manager
      tier: control-plane
    name: kube-controller-manager-cp-1
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-1
      uid: cd590dae-0f69-4213-a50d-eb5d55c9f371
    resourceVersion: "48214373"
    uid: 7ec771a1-6970-4cbe-a5d0-60e29dc5230e
  spec:
    containers:
    - image: registry.k8s.io/kube-controller-manager:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-controller-manager
      resources:
        requests:
          cpu: 200m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-1
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:11Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:11Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.10
    hostIPs:
    - ip: 10.0.1.10
    phase: Running
    podIP: 10.0.1.10
    podIPs:
    - ip: 10.0.1.10
    qosClass: Burstable
    startTime: "2025-09-14T08:02:11Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:06:45Z"
    labels:
      component: kube-controller-manager
      tier: control-plane
    name: kube-controller-manager-cp-2
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-2
      uid: 0e951fa3-4d03-43d6-a29c-c02190a4cf7b
    resourceVersion: "48214921"
    uid: 20d8595a-4ff9-4c4d-a6b1-2c37b77a8948
  spec:
    containers:
    - image: registry.k8s.io/kube-controller-manager:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-controller-manager
      resources:
        requests:
          cpu: 200m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-2
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:45Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:45Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.10
    hostIPs:
    - ip: 10.0.2.10
    phase: Running
    podIP: 10.0.2.10
    podIPs:
    - ip: 10.0.2.10
    qosClass: Burstable
    startTime: "2025-09-14T08:06:45Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:09:02Z"
    labels:
      component: kube-controller-manager
      tier: control-plane
    name: kube-controller-manager-cp-3
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-3
      uid: 0c9df852-02cb-4834-a790-1c309fca316e
    resourceVersion: "48215469"
    uid: ca867a46-dd54-4559-aaae-a1ab38691458
  spec:
    containers:
    - image: registry.k8s.io/kube-controller-manager:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-controller-manager
      resources:
        requests:
          cpu: 200m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-3
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:02Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:02Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.10
    hostIPs:
    - ip: 10.0.3.10
    phase: Running
    podIP: 10.0.3.10
    podIPs:
    - ip: 10.0.3.10
    qosClass: Burstable
    startTime: "2025-09-14T08:09:02Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:15:59Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-4jdhp
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48216428"
    uid: 1ad02ba8-7193-4b21-a6c3-486d2a6855af
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-a-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: worker-a-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:15:59Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:15:59Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.21
    hostIPs:
    - ip: 10.0.1.21
    phase: Running
    podIP: 10.0.1.21
    podIPs:
    - ip: 10.0.1.21
    qosClass: BestEffort
    startTime: "2025-09-14T08:15:59Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:15:59Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-4q926
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48216565"
    uid: 41b17278-9749-4689-a0a2-ac08567220de
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-a-2
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: worker-a-2
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:15:59Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-12T07:59:12Z"
      status: "False"
      type: Ready
    hostIP: 10.0.1.22
    hostIPs:
    - ip: 10.0.1.22
    phase: Running
    podIP: 10.0.1.22
    podIPs:
    - ip: 10.0.1.22
    qosClass: BestEffort
    startTime: "2025-09-14T08:15:59Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-12-09T10:47:53Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-5gvc5
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48217798"
    uid: 2cb93997-2c69-4de0-ac07-ffb1eb6de422
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - edge-munich-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: edge-munich-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-12-09T10:47:53Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-12-09T10:47:53Z"
      status: "True"
      type: Ready
    hostIP: 172.20.11.5
    hostIPs:
    - ip: 172.20.11.5
    phase: Running
    podIP: 172.20.11.5
    podIPs:
    - ip: 172.20.11.5
    qosClass: BestEffort
    startTime: "2025-12-09T10:47:53Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-12-08T09:12:59Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-5qcfv
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48217661"
    uid: 496d866b-59f6-4bc8-a97d-b38375442818
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - edge-berlin-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: edge-berlin-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-12-08T09:12:59Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-12-08T09:12:59Z"
      status: "True"
      type: Ready
    hostIP: 172.20.10.5
    hostIPs:
    - ip: 172.20.10.5
    phase: Running
    podIP: 172.20.10.5
    podIPs:
    - ip: 172.20.10.5
    qosClass: BestEffort
    startTime: "2025-12-08T09:12:59Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-02-02T14:31:43Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-6njcd
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48217524"
    uid: c6df7f9b-810e-42f4-aab3-6471edda7827
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - gpu-b-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: gpu-b-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-02-02T14:31:43Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-02-02T14:31:43Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.41
    hostIPs:
    - ip: 10.0.2.41
    phase: Running
    podIP: 10.0.2.41
    podIPs:
    - ip: 10.0.2.41
    qosClass: BestEffort
    startTime: "2026-02-02T14:31:43Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-01-20T10:05:47Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-945np
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48217250"
    uid: cf821ae4-b348-4103-a85f-db082d6b3f9b
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - arm-b-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: arm-b-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-01-20T10:05:47Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-01-20T10:05:47Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.31
    hostIPs:
    - ip: 10.0.2.31
    phase: Running
    podIP: 10.0.2.31
    podIPs:
    - ip: 10.0.2.31
    qosClass: BestEffort
    startTime: "2026-01-20T10:05:47Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-02-02T14:30:43Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-ggg7z
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48217387"
    uid: 55e8acd3-9693-412a-a01d-45061a1a602a
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - gpu-a-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: gpu-a-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-02-02T14:30:43Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-02-02T14:30:43Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.41
    hostIPs:
    - ip: 10.0.1.41
    phase: Running
    podIP: 10.0.1.41
    podIPs:
    - ip: 10.0.1.41
    qosClass: BestEffort
    startTime: "2026-02-02T14:30:43Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:16:54Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-gs52v
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48216976"
    uid: 8b7ddc77-3d0e-4118-a261-3bcfb080ee58
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-c-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: worker-c-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:16:54Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:16:54Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.21
    hostIPs:
    - ip: 10.0.3.21
    phase: Running
    podIP: 10.0.3.21
    podIPs:
    - ip: 10.0.3.21
    qosClass: BestEffort
    startTime: "2025-09-14T08:16:54Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:02:46Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-h9gfh
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48216017"
    uid: 6c3c1450-daa3-46aa-a027-706c36c542f7
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - cp-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:46Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:46Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.10
    hostIPs:
    - ip: 10.0.1.10
    phase: Running
    podIP: 10.0.1.10
    podIPs:
    - ip: 10.0.1.10
    qosClass: BestEffort
    startTime: "2025-09-14T08:02:46Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-01-20T10:04:59Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-l9sq9
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48217113"
    uid: 465e26f9-a0cb-4766-ad28-791147049cf8
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - arm-a-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: arm-a-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-01-20T10:04:59Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-01-20T10:04:59Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.31
    hostIPs:
    - ip: 10.0.1.31
    phase: Running
    podIP: 10.0.1.31
    podIPs:
    - ip: 10.0.1.31
    qosClass: BestEffort
    startTime: "2026-01-20T10:04:59Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:06:59Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-n5br4
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48216154"
    uid: 72aeb77a-e621-4824-adec-6ec21f638f2e
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - cp-2
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-2
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:59Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:59Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.10
    hostIPs:
    - ip: 10.0.2.10
    phase: Running
    podIP: 10.0.2.10
    podIPs:
    - ip: 10.0.2.10
    qosClass: BestEffort
    startTime: "2025-09-14T08:06:59Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-11-03T13:27:59Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-qmblw
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48216839"
    uid: 9f91864a-d2df-4430-a72e-6cd8e7415ce9
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-b-2
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: worker-b-2
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-11-03T13:27:59Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-11-03T13:27:59Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.22
    hostIPs:
    - ip: 10.0.2.22
    phase: Running
    podIP: 10.0.2.22
    podIPs:
    - ip: 10.0.2.22
    qosClass: BestEffort
    startTime: "2025-11-03T13:27:59Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:09:37Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-sv6pp
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48216291"
    uid: d8fb94b8-5244-488b-afdd-7f5469ca9436
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - cp-3
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-3
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:37Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:37Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.10
    hostIPs:
    - ip: 10.0.3.10
    phase: Running
    podIP: 10.0.3.10
    podIPs:
    - ip: 10.0.3.10
    qosClass: BestEffort
    startTime: "2025-09-14T08:09:37Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:16:38Z"
    generateName: kube-proxy-
    labels:
      controller-revision-hash: 5d4f8c7b96
      k8s-app: kube-proxy
      pod-template-generation: "1"
    name: kube-proxy-t9xk2
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: kube-proxy
      uid: c164f42a-8805-4934-ad28-e183717b70a8
    resourceVersion: "48216702"
    uid: 7f8eefb0-9e20-4371-a0ae-377eb0aa4ec3
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-b-1
    containers:
    - command:
      - /usr/local/bin/kube-proxy
      - --config=/var/lib/kube-proxy/config.conf
      - --hostname-override=$(NODE_NAME)
      image: registry.k8s.io/kube-proxy:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-proxy
      resources: {}
      securityContext:
        privileged: true
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: worker-b-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:16:38Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:16:38Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.21
    hostIPs:
    - ip: 10.0.2.21
    phase: Running
    podIP: 10.0.2.21
    podIPs:
    - ip: 10.0.2.21
    qosClass: BestEffort
    startTime: "2025-09-14T08:16:38Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:02:11Z"
    labels:
      component: kube-scheduler
      tier: control-plane
    name: kube-scheduler-cp-1
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-1
      uid: cd590dae-0f69-4213-a50d-eb5d55c9f371
    resourceVersion: "48214510"
    uid: f768d93b-19f5-4f65-af04-210a79668ac2
  spec:
    containers:
    - image: registry.k8s.io/kube-scheduler:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-scheduler
      resources:
        requests:
          cpu: 100m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-1
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:11Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:02:11Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.10
    hostIPs:
    - ip: 10.0.1.10
    phase: Running
    podIP: 10.0.1.10
    podIPs:
    - ip: 10.0.1.10
    qosClass: Burstable
    startTime: "2025-09-14T08:02:11Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:06:45Z"
    labels:
      component: kube-scheduler
      tier: control-plane
    name: kube-scheduler-cp-2
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-2
      uid: 0e951fa3-4d03-43d6-a29c-c02190a4cf7b
    resourceVersion: "48215058"
    uid: 5ed76462-df23-4a39-ad04-f56b23468a5e
  spec:
    containers:
    - image: registry.k8s.io/kube-scheduler:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-scheduler
      resources:
        requests:
          cpu: 100m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-2
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:45Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:06:45Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.10
    hostIPs:
    - ip: 10.0.2.10
    phase: Running
    podIP: 10.0.2.10
    podIPs:
    - ip: 10.0.2.10
    qosClass: Burstable
    startTime: "2025-09-14T08:06:45Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-09-14T08:09:02Z"
    labels:
      component: kube-scheduler
      tier: control-plane
    name: kube-scheduler-cp-3
    namespace: kube-system
    ownerReferences:
    - apiVersion: v1
      controller: true
      kind: Node
      name: cp-3
      uid: 0c9df852-02cb-4834-a790-1c309fca316e
    resourceVersion: "48215606"
    uid: 4182cd4e-71eb-490f-a09e-a40c8daa9cc7
  spec:
    containers:
    - image: registry.k8s.io/kube-scheduler:v1.36.0
      imagePullPolicy: IfNotPresent
      name: kube-scheduler
      resources:
        requests:
          cpu: 100m
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    nodeName: cp-3
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:02Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2025-09-14T08:09:02Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.10
    hostIPs:
    - ip: 10.0.3.10
    phase: Running
    podIP: 10.0.3.10
    podIPs:
    - ip: 10.0.3.10
    qosClass: Burstable
    startTime: "2025-09-14T08:09:02Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-02-02T14:30:43Z"
    generateName: nvidia-device-plugin-daemonset-
    labels:
      controller-revision-hash: 7f8c6d5b9d
      name: nvidia-device-plugin-ds
      pod-template-generation: "1"
    name: nvidia-device-plugin-daemonset-4qjwz
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: nvidia-device-plugin-daemonset
      uid: 0f0161ba-1fe5-448a-afc5-6fd463876b7a
    resourceVersion: "48218894"
    uid: 2d7010bb-c445-447b-a031-e2bb11ace143
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - gpu-a-1
    containers:
    - env:
      - name: FAIL_ON_INIT_ERROR
        value: "false"
      image: nvcr.io/nvidia/k8s-device-plugin:v0.17.2
      imagePullPolicy: IfNotPresent
      name: nvidia-device-plugin-ctr
      resources: {}
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop:
          - ALL
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: gpu-a-1
    nodeSelector:
      nvidia.com/gpu.present: "true"
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoSchedule
      key: nvidia.com/gpu
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-02-02T14:30:43Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-02-02T14:30:43Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.41
    hostIPs:
    - ip: 10.0.1.41
    phase: Running
    podIP: 10.244.10.11
    podIPs:
    - ip: 10.244.10.11
    qosClass: BestEffort
    startTime: "2026-02-02T14:30:43Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-02-02T14:31:43Z"
    generateName: nvidia-device-plugin-daemonset-
    labels:
      controller-revision-hash: 7f8c6d5b9d
      name: nvidia-device-plugin-ds
      pod-template-generation: "1"
    name: nvidia-device-plugin-daemonset-bcd8l
    namespace: kube-system
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: nvidia-device-plugin-daemonset
      uid: 0f0161ba-1fe5-448a-afc5-6fd463876b7a
    resourceVersion: "48219031"
    uid: 30337bb8-d74c-4658-aa7b-3f0700be1fb1
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - gpu-b-1
    containers:
    - env:
      - name: FAIL_ON_INIT_ERROR
        value: "false"
      image: nvcr.io/nvidia/k8s-device-plugin:v0.17.2
      imagePullPolicy: IfNotPresent
      name: nvidia-device-plugin-ctr
      resources: {}
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop:
          - ALL
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: gpu-b-1
    nodeSelector:
      nvidia.com/gpu.present: "true"
    priority: 2000001000
    priorityClassName: system-node-critical
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoSchedule
      key: nvidia.com/gpu
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-02-02T14:31:43Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-02-02T14:31:43Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.41
    hostIPs:
    - ip: 10.0.2.41
    phase: Running
    podIP: 10.244.11.11
    podIPs:
    - ip: 10.244.11.11
    qosClass: BestEffort
    startTime: "2026-02-02T14:31:43Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-03-04T12:01:09Z"
    generateName: iis-site-6f9b8d7c45-
    labels:
      app: iis-site
      pod-template-hash: 6f9b8d7c45
    name: iis-site-6f9b8d7c45-jwqs6
    namespace: legacy
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: iis-site-6f9b8d7c45
      uid: 1eac6a53-1541-4963-a0a7-552c35529d8c
    resourceVersion: "48220675"
    uid: 6b459b6e-7e86-4382-a489-57d0cb545457
  spec:
    containers:
    - image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
      imagePullPolicy: IfNotPresent
      name: iis
      ports:
      - containerPort: 80
        name: http
        protocol: TCP
      resources:
        requests:
          cpu: "1"
          memory: 2Gi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: win-a-1
    nodeSelector:
      kubernetes.io/os: windows
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-03-04T12:01:09Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-03-04T12:01:09Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.51
    hostIPs:
    - ip: 10.0.1.51
    phase: Running
    podIP: 10.244.14.11
    podIPs:
    - ip: 10.244.14.11
    qosClass: Burstable
    startTime: "2026-03-04T12:01:09Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-30T10:17:45Z"
    generateName: image-resizer-9c4d7b6f58-
    labels:
      app: image-resizer
      pod-template-hash: 9c4d7b6f58
    name: image-resizer-9c4d7b6f58-7skpn
    namespace: media
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: image-resizer-9c4d7b6f58
      uid: c443dc6c-e4de-434e-ad29-fe3e1a8be1be
    resourceVersion: "48220538"
    uid: 7ae637ed-d381-45df-af74-ca0c35f688bd
  spec:
    containers:
    - image: registry.example.com/media/image-resizer:1.6.0
      imagePullPolicy: IfNotPresent
      name: resizer
      resources:
        requests:
          cpu: "1"
          memory: 2Gi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: arm-b-1
    nodeSelector:
      kubernetes.io/arch: arm64
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-30T10:17:45Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-30T10:17:45Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.31
    hostIPs:
    - ip: 10.0.2.31
    phase: Running
    podIP: 10.244.9.11
    podIPs:
    - ip: 10.244.9.11
    qosClass: Burstable
    startTime: "2026-04-30T10:17:45Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-30T10:17:45Z"
    generateName: image-resizer-9c4d7b6f58-
    labels:
      app: image-resizer
      pod-template-hash: 9c4d7b6f58
    name: image-resizer-9c4d7b6f58-mm2pg
    namespace: media
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: image-resizer-9c4d7b6f58
      uid: c443dc6c-e4de-434e-ad29-fe3e1a8be1be
    resourceVersion: "48220401"
    uid: 61a20ba1-f54a-4a99-a707-d38927a53e16
  spec:
    containers:
    - image: registry.example.com/media/image-resizer:1.6.0
      imagePullPolicy: IfNotPresent
      name: resizer
      resources:
        requests:
          cpu: "1"
          memory: 2Gi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: arm-a-1
    nodeSelector:
      kubernetes.io/arch: arm64
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-30T10:17:45Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-30T10:17:45Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.31
    hostIPs:
    - ip: 10.0.1.31
    phase: Running
    podIP: 10.244.8.11
    podIPs:
    - ip: 10.244.8.11
    qosClass: Burstable
    startTime: "2026-04-30T10:17:45Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-05-02T09:30:26Z"
    generateName: llm-inference-
    labels:
      app: llm-inference
      apps.kubernetes.io/pod-index: "0"
      statefulset.kubernetes.io/pod-name: llm-inference-0
    name: llm-inference-0
    namespace: ml
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: StatefulSet
      name: llm-inference
      uid: b777a949-c5b2-43b9-a5e6-f07f5f376516
    resourceVersion: "48220949"
    uid: c5b02048-33e0-4407-a4bb-1630907ea429
  spec:
    containers:
    - image: registry.example.com/ml/llm-inference:0.8.3
      imagePullPolicy: IfNotPresent
      name: server
      ports:
      - containerPort: 8000
        name: http
        protocol: TCP
      resources:
        limits:
          nvidia.com/gpu: "1"
        requests:
          cpu: "4"
          memory: 16Gi
          nvidia.com/gpu: "1"
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: gpu-a-1
    nodeSelector:
      nvidia.com/gpu.product: NVIDIA-A10G
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoSchedule
      key: nvidia.com/gpu
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-05-02T09:30:26Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-02T09:30:26Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.41
    hostIPs:
    - ip: 10.0.1.41
    phase: Running
    podIP: 10.244.10.12
    podIPs:
    - ip: 10.244.10.12
    qosClass: Burstable
    startTime: "2026-05-02T09:30:26Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-28T12:03:46Z"
    generateName: node-exporter-
    labels:
      app.kubernetes.io/component: exporter
      app.kubernetes.io/name: node-exporter
      app.kubernetes.io/part-of: kube-prometheus
      controller-revision-hash: 6b9d4f7c48
      pod-template-generation: "3"
    name: node-exporter-22tnk
    namespace: monitoring
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: node-exporter
      uid: 50378cff-8323-4323-abd1-fb00c932c574
    resourceVersion: "48218757"
    uid: 6d22e292-e712-4738-a7b7-ffdd5e9dde52
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - arm-b-1
    containers:
    - args:
      - --web.listen-address=0.0.0.0:9100
      - --path.sysfs=/host/sys
      - --path.rootfs=/host/root
      image: quay.io/prometheus/node-exporter:v1.9.1
      imagePullPolicy: IfNotPresent
      name: node-exporter
      ports:
      - containerPort: 9100
        hostPort: 9100
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 50m
          memory: 30Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    hostPID: true
    nodeName: arm-b-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:46Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:46Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.31
    hostIPs:
    - ip: 10.0.2.31
    phase: Running
    podIP: 10.0.2.31
    podIPs:
    - ip: 10.0.2.31
    qosClass: Burstable
    startTime: "2026-04-28T12:03:46Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-28T12:03:34Z"
    generateName: node-exporter-
    labels:
      app.kubernetes.io/component: exporter
      app.kubernetes.io/name: node-exporter
      app.kubernetes.io/part-of: kube-prometheus
      controller-revision-hash: 6b9d4f7c48
      pod-template-generation: "3"
    name: node-exporter-97fbf
    namespace: monitoring
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: node-exporter
      uid: 50378cff-8323-4323-abd1-fb00c932c574
    resourceVersion: "48218483"
    uid: 4ad510ba-5ffd-4736-a52f-1c610f1663a7
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-c-1
    containers:
    - args:
      - --web.listen-address=0.0.0.0:9100
      - --path.sysfs=/host/sys
      - --path.rootfs=/host/root
      image: quay.io/prometheus/node-exporter:v1.9.1
      imagePullPolicy: IfNotPresent
      name: node-exporter
      ports:
      - containerPort: 9100
        hostPort: 9100
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 50m
          memory: 30Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    hostPID: true
    nodeName: worker-c-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:34Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:34Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.21
    hostIPs:
    - ip: 10.0.3.21
    phase: Running
    podIP: 10.0.3.21
    podIPs:
    - ip: 10.0.3.21
    qosClass: Burstable
    startTime: "2026-04-28T12:03:34Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-28T12:03:16Z"
    generateName: node-exporter-
    labels:
      app.kubernetes.io/component: exporter
      app.kubernetes.io/name: node-exporter
      app.kubernetes.io/part-of: kube-prometheus
      controller-revision-hash: 6b9d4f7c48
      pod-template-generation: "3"
    name: node-exporter-fmcxx
    namespace: monitoring
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: node-exporter
      uid: 50378cff-8323-4323-abd1-fb00c932c574
    resourceVersion: "48218072"
    uid: 40cc7d9c-4db0-4e68-a4cf-908462e37ede
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-a-2
    containers:
    - args:
      - --web.listen-address=0.0.0.0:9100
      - --path.sysfs=/host/sys
      - --path.rootfs=/host/root
      image: quay.io/prometheus/node-exporter:v1.9.1
      imagePullPolicy: IfNotPresent
      name: node-exporter
      ports:
      - containerPort: 9100
        hostPort: 9100
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 50m
          memory: 30Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    hostPID: true
    nodeName: worker-a-2
    nodeSelector:
      kubernetes.io/os: linux
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:16Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-12T07:59:12Z"
      status: "False"
      type: Ready
    hostIP: 10.0.1.22
    hostIPs:
    - ip: 10.0.1.22
    phase: Running
    podIP: 10.0.1.22
    podIPs:
    - ip: 10.0.1.22
    qosClass: Burstable
    startTime: "2026-04-28T12:03:16Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-28T12:03:40Z"
    generateName: node-exporter-
    labels:
      app.kubernetes.io/component: exporter
      app.kubernetes.io/name: node-exporter
      app.kubernetes.io/part-of: kube-prometheus
      controller-revision-hash: 6b9d4f7c48
      pod-template-generation: "3"
    name: node-exporter-rcg4c
    namespace: monitoring
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: node-exporter
      uid: 50378cff-8323-4323-abd1-fb00c932c574
    resourceVersion: "48218620"
    uid: da9c7242-91b9-42db-abf3-2fb5dd594c98
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - arm-a-1
    containers:
    - args:
      - --web.listen-address=0.0.0.0:9100
      - --path.sysfs=/host/sys
      - --path.rootfs=/host/root
      image: quay.io/prometheus/node-exporter:v1.9.1
      imagePullPolicy: IfNotPresent
      name: node-exporter
      ports:
      - containerPort: 9100
        hostPort: 9100
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 50m
          memory: 30Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    hostPID: true
    nodeName: arm-a-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:40Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:40Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.31
    hostIPs:
    - ip: 10.0.1.31
    phase: Running
    podIP: 10.0.1.31
    podIPs:
    - ip: 10.0.1.31
    qosClass: Burstable
    startTime: "2026-04-28T12:03:40Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-28T12:03:10Z"
    generateName: node-exporter-
    labels:
      app.kubernetes.io/component: exporter
      app.kubernetes.io/name: node-exporter
      app.kubernetes.io/part-of: kube-prometheus
      controller-revision-hash: 6b9d4f7c48
      pod-template-generation: "3"
    name: node-exporter-rhxwp
    namespace: monitoring
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: node-exporter
      uid: 50378cff-8323-4323-abd1-fb00c932c574
    resourceVersion: "48217935"
    uid: 7690c253-6db8-4218-a63b-e99eb4a628b9
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-a-1
    containers:
    - args:
      - --web.listen-address=0.0.0.0:9100
      - --path.sysfs=/host/sys
      - --path.rootfs=/host/root
      image: quay.io/prometheus/node-exporter:v1.9.1
      imagePullPolicy: IfNotPresent
      name: node-exporter
      ports:
      - containerPort: 9100
        hostPort: 9100
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 50m
          memory: 30Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    hostPID: true
    nodeName: worker-a-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:10Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:10Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.21
    hostIPs:
    - ip: 10.0.1.21
    phase: Running
    podIP: 10.0.1.21
    podIPs:
    - ip: 10.0.1.21
    qosClass: Burstable
    startTime: "2026-04-28T12:03:10Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-28T12:03:22Z"
    generateName: node-exporter-
    labels:
      app.kubernetes.io/component: exporter
      app.kubernetes.io/name: node-exporter
      app.kubernetes.io/part-of: kube-prometheus
      controller-revision-hash: 6b9d4f7c48
      pod-template-generation: "3"
    name: node-exporter-tm7xw
    namespace: monitoring
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: node-exporter
      uid: 50378cff-8323-4323-abd1-fb00c932c574
    resourceVersion: "48218209"
    uid: 00275276-e111-4f65-a56d-0a4281a5c650
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-b-1
    containers:
    - args:
      - --web.listen-address=0.0.0.0:9100
      - --path.sysfs=/host/sys
      - --path.rootfs=/host/root
      image: quay.io/prometheus/node-exporter:v1.9.1
      imagePullPolicy: IfNotPresent
      name: node-exporter
      ports:
      - containerPort: 9100
        hostPort: 9100
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 50m
          memory: 30Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    hostPID: true
    nodeName: worker-b-1
    nodeSelector:
      kubernetes.io/os: linux
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:22Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:22Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.21
    hostIPs:
    - ip: 10.0.2.21
    phase: Running
    podIP: 10.0.2.21
    podIPs:
    - ip: 10.0.2.21
    qosClass: Burstable
    startTime: "2026-04-28T12:03:22Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-28T12:03:28Z"
    generateName: node-exporter-
    labels:
      app.kubernetes.io/component: exporter
      app.kubernetes.io/name: node-exporter
      app.kubernetes.io/part-of: kube-prometheus
      controller-revision-hash: 6b9d4f7c48
      pod-template-generation: "3"
    name: node-exporter-ttk8l
    namespace: monitoring
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: DaemonSet
      name: node-exporter
      uid: 50378cff-8323-4323-abd1-fb00c932c574
    resourceVersion: "48218346"
    uid: 3616d613-4149-4fef-aa94-ea08f806eb5e
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchFields:
            - key: metadata.name
              operator: In
              values:
              - worker-b-2
    containers:
    - args:
      - --web.listen-address=0.0.0.0:9100
      - --path.sysfs=/host/sys
      - --path.rootfs=/host/root
      image: quay.io/prometheus/node-exporter:v1.9.1
      imagePullPolicy: IfNotPresent
      name: node-exporter
      ports:
      - containerPort: 9100
        hostPort: 9100
        name: metrics
        protocol: TCP
      resources:
        requests:
          cpu: 50m
          memory: 30Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    hostNetwork: true
    hostPID: true
    nodeName: worker-b-2
    nodeSelector:
      kubernetes.io/os: linux
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/disk-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/memory-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/pid-pressure
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      operator: Exists
    - effect: NoSchedule
      key: node.kubernetes.io/network-unavailable
      operator: Exists
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:28Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-28T12:03:28Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.22
    hostIPs:
    - ip: 10.0.2.22
    phase: Running
    podIP: 10.0.2.22
    podIPs:
    - ip: 10.0.2.22
    qosClass: Burstable
    startTime: "2026-04-28T12:03:28Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-05-10T21:05:33Z"
    generateName: search-indexer-78f5c6b9d4-
    labels:
      app: search-indexer
      pod-template-hash: 78f5c6b9d4
    name: search-indexer-78f5c6b9d4-z768r
    namespace: search
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: search-indexer-78f5c6b9d4
      uid: 1ffffe68-e100-4ecc-ab30-805150ce4f9d
    resourceVersion: "48220264"
    uid: 42f2af2c-8208-4aa3-a114-3bdb0926b061
  spec:
    containers:
    - image: registry.example.com/search/indexer:0.19.2
      imagePullPolicy: IfNotPresent
      name: indexer
      resources:
        requests:
          cpu: 1800m
          memory: 5990Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: worker-c-1
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-05-10T21:05:33Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-10T21:05:33Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.21
    hostIPs:
    - ip: 10.0.3.21
    phase: Running
    podIP: 10.244.7.13
    podIPs:
    - ip: 10.244.7.13
    qosClass: Burstable
    startTime: "2026-05-10T21:05:33Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-05-09T08:22:51Z"
    generateName: checkout-api-5b7c9d8f46-
    labels:
      app: checkout-api
      pod-template-hash: 5b7c9d8f46
    name: checkout-api-5b7c9d8f46-78nxd
    namespace: shop
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: checkout-api-5b7c9d8f46
      uid: ccb5de5a-407e-46a4-ab36-108644c4f8ea
    resourceVersion: "48220127"
    uid: 3102979e-5d38-4dcd-aae8-9337790b6e3f
  spec:
    containers:
    - image: registry.example.com/shop/checkout-api:2.31.4
      imagePullPolicy: IfNotPresent
      name: api
      ports:
      - containerPort: 8443
        name: https
        protocol: TCP
      resources:
        requests:
          cpu: "3"
          memory: 12Gi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: worker-c-1
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-05-09T08:22:51Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-09T08:22:51Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.21
    hostIPs:
    - ip: 10.0.3.21
    phase: Running
    podIP: 10.244.7.12
    podIPs:
    - ip: 10.244.7.12
    qosClass: Burstable
    startTime: "2026-05-09T08:22:51Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-05-09T08:22:51Z"
    generateName: checkout-api-5b7c9d8f46-
    labels:
      app: checkout-api
      pod-template-hash: 5b7c9d8f46
    name: checkout-api-5b7c9d8f46-mh8mp
    namespace: shop
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: checkout-api-5b7c9d8f46
      uid: ccb5de5a-407e-46a4-ab36-108644c4f8ea
    resourceVersion: "48219990"
    uid: 165bfd9a-6cdd-4d21-a85e-9e6fd8c25197
  spec:
    containers:
    - image: registry.example.com/shop/checkout-api:2.31.4
      imagePullPolicy: IfNotPresent
      name: api
      ports:
      - containerPort: 8443
        name: https
        protocol: TCP
      resources:
        requests:
          cpu: "3"
          memory: 12Gi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: worker-c-1
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-05-09T08:22:51Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-09T08:22:51Z"
      status: "True"
      type: Ready
    hostIP: 10.0.3.21
    hostIPs:
    - ip: 10.0.3.21
    phase: Running
    podIP: 10.244.7.11
    podIPs:
    - ip: 10.244.7.11
    qosClass: Burstable
    startTime: "2026-05-09T08:22:51Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-04-18T06:44:02Z"
    generateName: redis-
    labels:
      app: redis
      apps.kubernetes.io/pod-index: "0"
      statefulset.kubernetes.io/pod-name: redis-0
    name: redis-0
    namespace: shop
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: StatefulSet
      name: redis
      uid: 3f4b9b11-0558-49da-a85f-75acc970dd10
    resourceVersion: "48220812"
    uid: 72c117cb-4d99-4dff-a42d-42794598b6fe
  spec:
    containers:
    - image: docker.io/library/redis:7.4.5
      imagePullPolicy: IfNotPresent
      name: redis
      ports:
      - containerPort: 6379
        name: redis
        protocol: TCP
      resources:
        requests:
          cpu: "1"
          memory: 4Gi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: worker-b-1
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-04-18T06:44:02Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-04-18T06:44:02Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.21
    hostIPs:
    - ip: 10.0.2.21
    phase: Running
    podIP: 10.244.5.12
    podIPs:
    - ip: 10.244.5.12
    qosClass: Burstable
    startTime: "2026-04-18T06:44:02Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-05-06T15:40:12Z"
    generateName: web-frontend-6d8f7b9c5d-
    labels:
      app: web-frontend
      pod-template-hash: 6d8f7b9c5d
    name: web-frontend-6d8f7b9c5d-f648n
    namespace: shop
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: web-frontend-6d8f7b9c5d
      uid: 72ef9a77-b3da-4dd1-a611-fd3fb1514b8d
    resourceVersion: "48219716"
    uid: bbfa3f3f-6c72-4ad1-a05d-6f729d34eff9
  spec:
    containers:
    - image: registry.example.com/shop/web-frontend:4.12.0
      imagePullPolicy: IfNotPresent
      name: web
      ports:
      - containerPort: 8080
        name: http
        protocol: TCP
      resources:
        requests:
          cpu: 500m
          memory: 512Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: worker-a-2
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-05-06T15:40:12Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-12T07:59:12Z"
      status: "False"
      type: Ready
    hostIP: 10.0.1.22
    hostIPs:
    - ip: 10.0.1.22
    phase: Running
    podIP: 10.244.4.11
    podIPs:
    - ip: 10.244.4.11
    qosClass: Burstable
    startTime: "2026-05-06T15:40:12Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-05-06T15:40:12Z"
    generateName: web-frontend-6d8f7b9c5d-
    labels:
      app: web-frontend
      pod-template-hash: 6d8f7b9c5d
    name: web-frontend-6d8f7b9c5d-hbn2q
    namespace: shop
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: web-frontend-6d8f7b9c5d
      uid: 72ef9a77-b3da-4dd1-a611-fd3fb1514b8d
    resourceVersion: "48219579"
    uid: bc0269ab-8f1a-4f0e-ab20-b660a8438013
  spec:
    containers:
    - image: registry.example.com/shop/web-frontend:4.12.0
      imagePullPolicy: IfNotPresent
      name: web
      ports:
      - containerPort: 8080
        name: http
        protocol: TCP
      resources:
        requests:
          cpu: 500m
          memory: 512Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: worker-a-1
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-05-06T15:40:12Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-06T15:40:12Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.21
    hostIPs:
    - ip: 10.0.1.21
    phase: Running
    podIP: 10.244.3.12
    podIPs:
    - ip: 10.244.3.12
    qosClass: Burstable
    startTime: "2026-05-06T15:40:12Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-05-06T15:40:12Z"
    generateName: web-frontend-6d8f7b9c5d-
    labels:
      app: web-frontend
      pod-template-hash: 6d8f7b9c5d
    name: web-frontend-6d8f7b9c5d-pnf8q
    namespace: shop
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: web-frontend-6d8f7b9c5d
      uid: 72ef9a77-b3da-4dd1-a611-fd3fb1514b8d
    resourceVersion: "48219853"
    uid: 28e60812-951c-4414-a8fd-19cb112d0022
  spec:
    containers:
    - image: registry.example.com/shop/web-frontend:4.12.0
      imagePullPolicy: IfNotPresent
      name: web
      ports:
      - containerPort: 8080
        name: http
        protocol: TCP
      resources:
        requests:
          cpu: 500m
          memory: 512Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: worker-b-1
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-05-06T15:40:12Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-06T15:40:12Z"
      status: "True"
      type: Ready
    hostIP: 10.0.2.21
    hostIPs:
    - ip: 10.0.2.21
    phase: Running
    podIP: 10.244.5.11
    podIPs:
    - ip: 10.244.5.11
    qosClass: Burstable
    startTime: "2026-05-06T15:40:12Z"
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-05-06T15:40:12Z"
    generateName: web-frontend-6d8f7b9c5d-
    labels:
      app: web-frontend
      pod-template-hash: 6d8f7b9c5d
    name: web-frontend-6d8f7b9c5d-whmmt
    namespace: shop
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: web-frontend-6d8f7b9c5d
      uid: 72ef9a77-b3da-4dd1-a611-fd3fb1514b8d
    resourceVersion: "48219442"
    uid: e642377f-ab4a-4969-a1ef-62185bc6a0f5
  spec:
    containers:
    - image: registry.example.com/shop/web-frontend:4.12.0
      imagePullPolicy: IfNotPresent
      name: web
      ports:
      - containerPort: 8080
        name: http
        protocol: TCP
      resources:
        requests:
          cpu: 500m
          memory: 512Mi
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
    nodeName: worker-a-1
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-05-06T15:40:12Z"
      status: "True"
      type: PodScheduled
    - lastProbeTime: null
      lastTransitionTime: "2026-05-06T15:40:12Z"
      status: "True"
      type: Ready
    hostIP: 10.0.1.21
    hostIPs:
    - ip: 10.0.1.21
    phase: Running
    podIP: 10.244.3.11
    podIPs:
    - ip: 10.244.3.11
    qosClass: Burstable
    startTime: "2026-05-06T15:40:12Z"
kind: List
metadata:
  resourceVersion: ""
`;
