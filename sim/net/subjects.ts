// Who a connection speaks for at the policy decision point.
import type { PlantModel } from '../model/plantModel.js';
import type { SubjectAttributes } from '../policy/types.js';
import type { Device } from '../model/schema.js';

/** A user's identity on a device (or on none), as a brokered session presents it. */
export function brokerSubject(model: PlantModel, userIndex: number, device: Device | undefined): SubjectAttributes {
  const user = model.users[userIndex]!;
  return {
    user: user.id,
    roles: user.roles,
    groups: user.groups,
    org: user.org,
    ...(device === undefined ? {} : { device: device.id }),
    managedDevice: device?.managed ?? false,
    posture: device?.posture ?? {},
  };
}
