import QRCode from 'qrcode';

/**
 * What the setup page shows for an authenticator app's key: a QR code (SVG, drawn on the
 * server) and the same key as text in groups of four, for apps that take it typed.
 */
export async function totpQr(totpUri: string): Promise<{ svg: string; key: string }> {
	const svg = await QRCode.toString(totpUri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	const secret = new URL(totpUri).searchParams.get('secret') ?? '';
	return { svg, key: secret.replace(/(.{4})/g, '$1 ').trim() };
}
