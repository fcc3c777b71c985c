/** A minimal world created over HTTP on a server process: a park, an enterprise, an inspector. */
import { makeCreditCode } from '../../shared/credit-code';
import { loginAt } from './process';

export interface RemoteWorld {
  parkId: string;
  enterpriseId: string;
  templateId: string;
  inspector: { id: string; token: string };
}

export async function remoteWorld(url: string, admin = { username: 'admin', password: 'admin-password' }): Promise<RemoteWorld> {
  const token = await loginAt(url, admin.username, admin.password);
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const region = await post('/api/admin/regions', { name: '掌起镇' });
  const park = await post('/api/admin/parks', { name: '万洋（掌起）众创城', regionId: region.id });
  const enterprise = await post('/api/admin/enterprises', { parkId: park.id, name: '慈溪市鑫达五金有限公司', creditCode: makeCreditCode('330282', 12_345_678) });
  const user = await post('/api/admin/users', { username: 'field', password: 'field-password', name: '王磊', role: 'inspector', regionIds: [region.id] });
  const templates = (await (await fetch(`${url}/api/templates`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string; code: string }[] };
  return {
    parkId: park.id,
    enterpriseId: enterprise.id,
    templateId: templates.items.find((t) => t.code === 'FIRE')!.id,
    inspector: { id: user.id, token: await loginAt(url, 'field', 'field-password') },
  };
}
