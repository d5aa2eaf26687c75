// The bundled sample cluster's nodes, as `kubectl get nodes -o yaml` prints them (kind: List).
// Hand-maintained: keep it self-consistent with the other sample file (node names, pod requests).
// A TypeScript module instead of a .yaml file so it loads the same under tsx and in the esbuild bundle.
export default `
apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2026-01-20T10:04:55Z"
    labels:
      beta.kubernetes.io/arch: arm64
      beta.kubernetes.io/instance-type: m7g.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1a
      kubernetes.io/arch: arm64
      kubernetes.io/hostname: arm-a-1
      kubernetes.io/os: linux
      node.example.com/pool: arm
      node.kubernetes.io/instance-type: m7g.2xlarge
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1a
    name: arm-a-1
    resourceVersion: "48213140"
    uid: 6521d1f5-3df0-43f9-a853-1f395a52a2e9
  spec:
    podCIDR: 10.244.8.0/24
    podCIDRs:
    - 10.244.8.0/24
    providerID: aws:///eu-west-1a/i-06521d1f53df093f9
  status:
    addresses:
    - address: 10.0.1.31
      type: InternalIP
    - address: arm-a-1
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31415180Ki
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32363916Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-01-20T10:04:55Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-01-20T10:04:55Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-01-20T10:04:55Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-01-20T10:04:59Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: arm64
      bootID: c250f4e5-e5eb-4e02-a8ac-b0365b5f28a8
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: 5ce21c48d560ef4d39735fd6bef79936
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec204dd1-d5a8-4e71-a774-7d9bf87dc895
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2026-01-20T10:05:12Z"
    labels:
      beta.kubernetes.io/arch: arm64
      beta.kubernetes.io/instance-type: m7g.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1b
      kubernetes.io/arch: arm64
      kubernetes.io/hostname: arm-b-1
      kubernetes.io/os: linux
      node.example.com/pool: arm
      node.kubernetes.io/instance-type: m7g.2xlarge
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1b
    name: arm-b-1
    resourceVersion: "48213277"
    uid: 0f7d3c8b-9392-456a-a331-cae9de0f4a87
  spec:
    podCIDR: 10.244.9.0/24
    podCIDRs:
    - 10.244.9.0/24
    providerID: aws:///eu-west-1b/i-00f7d3c8b9392a56a
  status:
    addresses:
    - address: 10.0.2.31
      type: InternalIP
    - address: arm-b-1
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31415180Ki
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32363916Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-01-20T10:05:12Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-01-20T10:05:12Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-01-20T10:05:12Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-01-20T10:05:33Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: arm64
      bootID: 709bd88f-435c-42f9-a6a9-cbecc07fdd86
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: 1e3a2a0c0c768cc3f8bf6fbb1e8fca92
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec2445ab-b3fd-4e6c-a808-e6e9191e0203
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-09-14T08:02:11Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.large
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1a
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: cp-1
      kubernetes.io/os: linux
      node-role.kubernetes.io/control-plane: ""
      node.kubernetes.io/exclude-from-external-load-balancers: ""
      node.kubernetes.io/instance-type: m6i.large
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1a
    name: cp-1
    resourceVersion: "48212044"
    uid: cd590dae-0f69-4213-a50d-eb5d55c9f371
  spec:
    podCIDR: 10.244.0.0/24
    podCIDRs:
    - 10.244.0.0/24
    providerID: aws:///eu-west-1a/i-0cd590dae0f692213
    taints:
    - effect: NoSchedule
      key: node-role.kubernetes.io/control-plane
  status:
    addresses:
    - address: 10.0.1.10
      type: InternalIP
    - address: cp-1
      type: Hostname
    allocatable:
      cpu: 1930m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 7202668Ki
      pods: "110"
    capacity:
      cpu: "2"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 7919468Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:02:11Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:02:11Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:02:11Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:02:32Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: b0f82b94-02cc-48db-ad0e-bc9f4edc2edc
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: 74d1785daabee20972b6947916a4320f
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec297a8a-2242-4840-a012-c3f591f1d264
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-09-14T08:06:45Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.large
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1b
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: cp-2
      kubernetes.io/os: linux
      node-role.kubernetes.io/control-plane: ""
      node.kubernetes.io/exclude-from-external-load-balancers: ""
      node.kubernetes.io/instance-type: m6i.large
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1b
    name: cp-2
    resourceVersion: "48212181"
    uid: 0e951fa3-4d03-43d6-a29c-c02190a4cf7b
  spec:
    podCIDR: 10.244.1.0/24
    podCIDRs:
    - 10.244.1.0/24
    providerID: aws:///eu-west-1b/i-00e951fa34d03f3d6
    taints:
    - effect: NoSchedule
      key: node-role.kubernetes.io/control-plane
  status:
    addresses:
    - address: 10.0.2.10
      type: InternalIP
    - address: cp-2
      type: Hostname
    allocatable:
      cpu: 1930m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 7202668Ki
      pods: "110"
    capacity:
      cpu: "2"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 7919468Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:06:45Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:06:45Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:06:45Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:06:59Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: d455d50b-e8f7-4bb3-abcf-7bc6147e6ec0
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: 39bb119df119278f12b2ca7c2d72fd29
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec2c2808-653d-46af-aab9-86a51441f603
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-09-14T08:09:02Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.large
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1c
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: cp-3
      kubernetes.io/os: linux
      node-role.kubernetes.io/control-plane: ""
      node.kubernetes.io/exclude-from-external-load-balancers: ""
      node.kubernetes.io/instance-type: m6i.large
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1c
    name: cp-3
    resourceVersion: "48212318"
    uid: 0c9df852-02cb-4834-a790-1c309fca316e
  spec:
    podCIDR: 10.244.2.0/24
    podCIDRs:
    - 10.244.2.0/24
    providerID: aws:///eu-west-1c/i-00c9df85202cb2834
    taints:
    - effect: NoSchedule
      key: node-role.kubernetes.io/control-plane
  status:
    addresses:
    - address: 10.0.3.10
      type: InternalIP
    - address: cp-3
      type: Hostname
    allocatable:
      cpu: 1930m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 7202668Ki
      pods: "110"
    capacity:
      cpu: "2"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 7919468Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:09:02Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:09:02Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:09:02Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:09:23Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 4d6fe214-c05f-4116-a284-2e0e071e3b96
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: 6c142cf2b6841dbcd35020cf8a3a3164
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec2f8ac0-bf2b-4dd1-a461-ba5c51bc26bc
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-12-08T09:12:40Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/os: linux
      edge.example.com/site: berlin
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: edge-berlin-1
      kubernetes.io/os: linux
      node.example.com/pool: edge
      topology.kubernetes.io/region: eu-central-edge
      topology.kubernetes.io/zone: berlin
    name: edge-berlin-1
    resourceVersion: "48213688"
    uid: c615b442-6923-481e-aee2-7826c3ae0d2b
  spec:
    podCIDR: 10.244.12.0/24
    podCIDRs:
    - 10.244.12.0/24
    taints:
    - effect: NoSchedule
      key: edge.example.com/remote
      value: "true"
  status:
    addresses:
    - address: 172.20.10.5
      type: InternalIP
    - address: edge-berlin-1
      type: Hostname
    allocatable:
      cpu: "4"
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 16228764Ki
      pods: "110"
    capacity:
      cpu: "4"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 16331164Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-12-08T09:12:40Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-12-08T09:12:40Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-12-08T09:12:40Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-12-08T09:12:59Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 4253f6b3-3f18-4281-ac4b-25604fbb3057
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-60-generic
      kubeletVersion: v1.36.0
      machineID: 189181f10ea05673068a366753749132
      operatingSystem: linux
      osImage: Ubuntu 24.04.2 LTS
      systemUUID: 81d1013c-bdf1-47c6-aa43-cf47d522770d
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-12-09T10:47:18Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/os: linux
      edge.example.com/site: munich
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: edge-munich-1
      kubernetes.io/os: linux
      node.example.com/pool: edge
      topology.kubernetes.io/region: eu-central-edge
      topology.kubernetes.io/zone: munich
    name: edge-munich-1
    resourceVersion: "48213825"
    uid: 730649a3-97ae-41c0-a806-266e6adb8e32
  spec:
    podCIDR: 10.244.13.0/24
    podCIDRs:
    - 10.244.13.0/24
    taints:
    - effect: NoSchedule
      key: edge.example.com/remote
      value: "true"
  status:
    addresses:
    - address: 172.20.11.5
      type: InternalIP
    - address: edge-munich-1
      type: Hostname
    allocatable:
      cpu: "4"
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 16228764Ki
      pods: "110"
    capacity:
      cpu: "4"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 16331164Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-12-09T10:47:18Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-12-09T10:47:18Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-12-09T10:47:18Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-12-09T10:47:39Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 4c6da6be-e0a2-4656-ad25-9df5333311d6
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-60-generic
      kubeletVersion: v1.36.0
      machineID: c999761514f5ea8fe357912ea6ac2489
      operatingSystem: linux
      osImage: Ubuntu 24.04.2 LTS
      systemUUID: eabc3cba-f10b-4b58-ad42-075c5712b823
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2026-02-02T14:30:08Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: g5.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1a
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: gpu-a-1
      kubernetes.io/os: linux
      node.example.com/pool: gpu
      node.kubernetes.io/instance-type: g5.2xlarge
      nvidia.com/cuda.driver.major: "570"
      nvidia.com/cuda.runtime.major: "12"
      nvidia.com/gpu.count: "1"
      nvidia.com/gpu.family: ampere
      nvidia.com/gpu.memory: "23028"
      nvidia.com/gpu.present: "true"
      nvidia.com/gpu.product: NVIDIA-A10G
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1a
    name: gpu-a-1
    resourceVersion: "48213414"
    uid: 28538958-1497-4f6c-a819-1786a0c48dae
  spec:
    podCIDR: 10.244.10.0/24
    podCIDRs:
    - 10.244.10.0/24
    providerID: aws:///eu-west-1a/i-02853895814977f6c
    taints:
    - effect: NoSchedule
      key: nvidia.com/gpu
      value: present
  status:
    addresses:
    - address: 10.0.1.41
      type: InternalIP
    - address: gpu-a-1
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31437808Ki
      nvidia.com/gpu: "1"
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32386544Ki
      nvidia.com/gpu: "1"
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-02-02T14:30:08Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-02-02T14:30:08Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-02-02T14:30:08Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-02-02T14:30:29Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: d14c883f-8f48-4702-a11b-d7d87a1e8d09
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: aa575cb04e97b797dc78bfd28f5beda9
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec2b1d73-10cd-45a2-a3c3-3cc3d524c4b2
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2026-02-02T14:31:08Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: g5.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1b
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: gpu-b-1
      kubernetes.io/os: linux
      node.example.com/pool: gpu
      node.kubernetes.io/instance-type: g5.2xlarge
      nvidia.com/cuda.driver.major: "570"
      nvidia.com/cuda.runtime.major: "12"
      nvidia.com/gpu.count: "1"
      nvidia.com/gpu.family: ampere
      nvidia.com/gpu.memory: "23028"
      nvidia.com/gpu.present: "true"
      nvidia.com/gpu.product: NVIDIA-A10G
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1b
    name: gpu-b-1
    resourceVersion: "48213551"
    uid: 7bf3820e-e8a4-4861-a8c7-8819d7dbad80
  spec:
    podCIDR: 10.244.11.0/24
    podCIDRs:
    - 10.244.11.0/24
    providerID: aws:///eu-west-1b/i-07bf3820ee8a45861
    taints:
    - effect: NoSchedule
      key: nvidia.com/gpu
      value: present
  status:
    addresses:
    - address: 10.0.2.41
      type: InternalIP
    - address: gpu-b-1
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31437808Ki
      nvidia.com/gpu: "1"
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32386544Ki
      nvidia.com/gpu: "1"
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-02-02T14:31:08Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-02-02T14:31:08Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-02-02T14:31:08Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-02-02T14:31:29Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 2570d88d-f995-4aae-adec-59e802f3dc30
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: fc5a44d482927ebe88c3d422043b046a
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec2d12c6-2695-4914-a5f6-4524c888809c
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: npipe:////./pipe/containerd-containerd
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2026-03-04T11:22:36Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.xlarge
      beta.kubernetes.io/os: windows
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1a
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: win-a-1
      kubernetes.io/os: windows
      node.example.com/pool: windows
      node.kubernetes.io/instance-type: m6i.xlarge
      node.kubernetes.io/windows-build: 10.0.20348
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1a
    name: win-a-1
    resourceVersion: "48213962"
    uid: 6154f46c-68b1-4a87-a8af-3745db2c6522
  spec:
    podCIDR: 10.244.14.0/24
    podCIDRs:
    - 10.244.14.0/24
    providerID: aws:///eu-west-1a/i-06154f46c68b19a87
  status:
    addresses:
    - address: 10.0.1.51
      type: InternalIP
    - address: win-a-1
      type: Hostname
    allocatable:
      cpu: 3920m
      ephemeral-storage: "96127612928"
      memory: 14994976Ki
      pods: "110"
    capacity:
      cpu: "4"
      ephemeral-storage: 104305948Ki
      memory: 16106016Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-03-04T11:22:36Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-03-04T11:22:36Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-03-04T11:22:36Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2026-03-04T11:22:57Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: ""
      containerRuntimeVersion: containerd://1.7.27
      kernelVersion: 10.0.20348.3566
      kubeletVersion: v1.36.0
      machineID: WIN-A-1
      operatingSystem: windows
      osImage: Windows Server 2022 Datacenter
      systemUUID: B6BB6398-E02B-4661-AE50-21E47BB2A30A
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-09-14T08:15:30Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1a
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: worker-a-1
      kubernetes.io/os: linux
      node.example.com/pool: general
      node.kubernetes.io/instance-type: m6i.2xlarge
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1a
    name: worker-a-1
    resourceVersion: "48212455"
    uid: bcc98e43-37a9-40f0-acec-9ab7be18cd93
  spec:
    podCIDR: 10.244.3.0/24
    podCIDRs:
    - 10.244.3.0/24
    providerID: aws:///eu-west-1a/i-0bcc98e4337a9f0f0
  status:
    addresses:
    - address: 10.0.1.21
      type: InternalIP
    - address: worker-a-1
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31437808Ki
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32386544Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:15:30Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:15:30Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:15:30Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:15:51Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 8fe0d266-fc9f-4c76-a9ac-09ebb166c5cc
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: 00b3d19c33c58504af04486b38931a0e
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec2080d4-a2e8-49b5-a0c6-0a1f0caceff1
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-09-14T08:15:41Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1a
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: worker-a-2
      kubernetes.io/os: linux
      node.example.com/pool: general
      node.kubernetes.io/instance-type: m6i.2xlarge
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1a
    name: worker-a-2
    resourceVersion: "48212592"
    uid: 384461fe-a8aa-43d1-a401-f1cb5a059c7f
  spec:
    podCIDR: 10.244.4.0/24
    podCIDRs:
    - 10.244.4.0/24
    providerID: aws:///eu-west-1a/i-0384461fea8aa23d1
    taints:
    - effect: NoSchedule
      key: node.kubernetes.io/unreachable
      timeAdded: "2026-05-12T07:59:12Z"
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      timeAdded: "2026-05-12T07:59:17Z"
  status:
    addresses:
    - address: 10.0.1.22
      type: InternalIP
    - address: worker-a-2
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31437808Ki
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32386544Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T07:58:31Z"
      lastTransitionTime: "2026-05-12T07:59:12Z"
      message: Kubelet stopped posting node status.
      reason: NodeStatusUnknown
      status: Unknown
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T07:58:31Z"
      lastTransitionTime: "2026-05-12T07:59:12Z"
      message: Kubelet stopped posting node status.
      reason: NodeStatusUnknown
      status: Unknown
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T07:58:31Z"
      lastTransitionTime: "2026-05-12T07:59:12Z"
      message: Kubelet stopped posting node status.
      reason: NodeStatusUnknown
      status: Unknown
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T07:58:31Z"
      lastTransitionTime: "2026-05-12T07:59:12Z"
      message: Kubelet stopped posting node status.
      reason: NodeStatusUnknown
      status: Unknown
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 8a89c11e-d994-4bb0-a52a-3ee5d1f95c5c
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: adb6fe7a106bf14371a5e495eec201b4
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec2f0302-f689-4539-ad63-85699d6f017a
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-09-14T08:16:03Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1b
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: worker-b-1
      kubernetes.io/os: linux
      node.example.com/pool: general
      node.kubernetes.io/instance-type: m6i.2xlarge
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1b
    name: worker-b-1
    resourceVersion: "48212729"
    uid: e2b8092f-20df-4775-a6e4-c16b95b15525
  spec:
    podCIDR: 10.244.5.0/24
    podCIDRs:
    - 10.244.5.0/24
    providerID: aws:///eu-west-1b/i-0e2b8092f20df8775
  status:
    addresses:
    - address: 10.0.2.21
      type: InternalIP
    - address: worker-b-1
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31437808Ki
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32386544Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:16:03Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:16:03Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:16:03Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:16:24Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 71e0dd6f-6a5b-4d50-a2aa-99fcae6e0fb5
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: d080601f2d39ab7ed7cb6a495f407740
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec2e07ff-8460-462c-aa16-cc8ec9d80bbf
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-11-03T13:27:50Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1b
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: worker-b-2
      kubernetes.io/os: linux
      node.example.com/pool: general
      node.kubernetes.io/instance-type: m6i.2xlarge
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1b
    name: worker-b-2
    resourceVersion: "48212866"
    uid: 76387396-dd82-4384-a9c6-43cc5d0a076e
  spec:
    podCIDR: 10.244.6.0/24
    podCIDRs:
    - 10.244.6.0/24
    providerID: aws:///eu-west-1b/i-076387396dd82c384
    taints:
    - effect: NoSchedule
      key: node.kubernetes.io/unschedulable
      timeAdded: "2026-05-11T16:20:04Z"
    unschedulable: true
  status:
    addresses:
    - address: 10.0.2.22
      type: InternalIP
    - address: worker-b-2
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31437808Ki
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32386544Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-11-03T13:27:50Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-11-03T13:27:50Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-11-03T13:27:50Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-11-03T13:27:59Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: cb545fc9-112e-4a12-a295-7cd57cc56608
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: 685300615a4c6a498fe99188e8556270
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec20e256-f12c-46b6-ac74-0f4ef0deeeea
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-09-14T08:16:19Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/instance-type: m6i.2xlarge
      beta.kubernetes.io/os: linux
      failure-domain.beta.kubernetes.io/region: eu-west-1
      failure-domain.beta.kubernetes.io/zone: eu-west-1c
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: worker-c-1
      kubernetes.io/os: linux
      node.example.com/pool: general
      node.kubernetes.io/instance-type: m6i.2xlarge
      topology.kubernetes.io/region: eu-west-1
      topology.kubernetes.io/zone: eu-west-1c
    name: worker-c-1
    resourceVersion: "48213003"
    uid: c98e4046-ce44-461b-aafb-710bb0041154
  spec:
    podCIDR: 10.244.7.0/24
    podCIDRs:
    - 10.244.7.0/24
    providerID: aws:///eu-west-1c/i-0c98e4046ce44a61b
  status:
    addresses:
    - address: 10.0.3.21
      type: InternalIP
    - address: worker-c-1
      type: Hostname
    allocatable:
      cpu: 7910m
      ephemeral-storage: "96625420948"
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 31437808Ki
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 104845292Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 32386544Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:16:19Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:16:19Z"
      message: kubelet has no disk pressure
      reason: KubeletHasNoDiskPressure
      status: "False"
      type: DiskPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:16:19Z"
      message: kubelet has sufficient PID available
      reason: KubeletHasSufficientPID
      status: "False"
      type: PIDPressure
    - lastHeartbeatTime: "2026-05-12T09:41:07Z"
      lastTransitionTime: "2025-09-14T08:16:40Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 52d9d49b-3164-4450-a466-54bba083d2c9
      containerRuntimeVersion: containerd://2.1.4
      kernelVersion: 6.8.0-1029-aws
      kubeletVersion: v1.36.0
      machineID: 0355aadb0d76b1499517d3d3a9782aa6
      operatingSystem: linux
      osImage: Ubuntu 24.04.3 LTS
      systemUUID: ec292d11-185b-4f36-afb1-3cd146bd43a5
kind: List
metadata:
  resourceVersion: ""
`;
