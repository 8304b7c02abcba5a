import type { ThemeConfig } from 'antd';

/**
 * A calm government blue. Deep red was the other candidate; it is kept for the seal mark only,
 * because antd (and the domain: gaps, deductions, 不称职) already uses red to mean "wrong".
 */
export const brandBlue = '#1f4e8c';
const navy = '#0f2a4a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brandBlue,
    colorInfo: brandBlue,
    colorLink: brandBlue,
    colorBgLayout: '#f3f5f8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      siderBg: navy,
      triggerBg: '#0b2240',
      headerBg: '#ffffff',
      headerPadding: '0 24px',
      headerHeight: 56,
    },
    Menu: {
      darkItemBg: navy,
      darkSubMenuItemBg: navy,
      darkItemSelectedBg: brandBlue,
      darkGroupTitleColor: 'rgba(255, 255, 255, 0.55)',
    },
  },
};
