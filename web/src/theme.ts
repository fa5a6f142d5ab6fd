import type { ThemeConfig } from 'antd';

/** Party-building red as the primary color. */
export const PRIMARY = '#c0282d';

export const theme: ThemeConfig = {
  token: { colorPrimary: PRIMARY, colorLink: PRIMARY, borderRadius: 6 },
};
